// Unit tests of UnixHttpBackend (native http-proxy client over a Unix socket) against a tiny
// scripted HTTP server running on threads of this process. Core layer tests.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/unix_http_backend.h"
#include "test_harness.h"
#include "test_util.h"

using nydus::Result;
using nydus::Status;
using nydus::storage::ReadSource;
using nydus::storage::UnixHttpBackend;
using nydus::storage::UnixHttpConfig;

namespace {

struct Request {
  std::string method, uri, range;
  int n = 0;  // 0-based index over all requests the server received
};

struct Reply {
  std::string bytes;
  bool close_after = false;
  bool silent = false;  // send nothing, keep the connection open
};

// Accepts connections on a Unix socket; each connection gets a thread that answers
// requests with `handler` until the peer closes or the server stops.
class Server {
 public:
  explicit Server(std::function<Reply(const Request&)> handler) : handler_(std::move(handler)) {
    char tmpl[] = "/tmp/unix-http-test-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    path_ = dir_ + "/blobs.sock";
    fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof(a.sun_path), "%s", path_.c_str());
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 || ::listen(fd_, 16) != 0) std::abort();
    accept_ = std::thread([this] { AcceptLoop(); });
  }
  ~Server() {
    stop_ = true;
    accept_.join();
    for (std::thread& t : conns_) t.join();
    ::close(fd_);
    ::unlink(path_.c_str());
    ::rmdir(dir_.c_str());
  }
  const std::string& path() const { return path_; }
  int requests() const { return count_; }

 private:
  void AcceptLoop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 20) <= 0) continue;
      int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c >= 0) conns_.emplace_back([this, c] { Serve(c); });
    }
  }
  void Serve(int c) {
    std::string in;
    while (!stop_) {
      size_t end = in.find("\r\n\r\n");
      if (end == std::string::npos) {
        pollfd p{c, POLLIN, 0};
        if (::poll(&p, 1, 20) <= 0) continue;
        char buf[4096];
        ssize_t n = ::recv(c, buf, sizeof(buf), 0);
        if (n <= 0) break;
        in.append(buf, static_cast<size_t>(n));
        continue;
      }
      std::string head = in.substr(0, end);
      in.erase(0, end + 4);
      Request r;
      size_t sp1 = head.find(' '), sp2 = head.find(' ', sp1 + 1);
      r.method = head.substr(0, sp1);
      r.uri = head.substr(sp1 + 1, sp2 - sp1 - 1);
      size_t rg = head.find("Range: bytes=");
      if (rg != std::string::npos) r.range = head.substr(rg + 13, head.find("\r\n", rg) - rg - 13);
      r.n = count_++;
      Reply reply = handler_(r);
      if (reply.silent) {
        while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        break;
      }
      if (::send(c, reply.bytes.data(), reply.bytes.size(), MSG_NOSIGNAL) < 0 || reply.close_after) break;
    }
    ::close(c);
  }

  std::function<Reply(const Request&)> handler_;
  std::string dir_, path_;
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<int> count_{0};
  std::thread accept_;
  std::vector<std::thread> conns_;  // touched by the accept thread only, joined after it
};

std::string Blob() {
  std::string b(1000, '\0');
  for (size_t i = 0; i < b.size(); i++) b[i] = static_cast<char>((i * 7 + 3) & 0xff);
  return b;
}

// A well-behaved http-proxy server for blob "b1" under path "/blobs".
Reply Good(const Request& r) {
  static const std::string blob = Blob();
  if (r.uri != "/blobs/b1") return {"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"};
  if (r.method == "HEAD") return {"HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(blob.size()) + "\r\n\r\n"};
  size_t dash = r.range.find('-');
  size_t a = std::stoul(r.range.substr(0, dash)), b = std::stoul(r.range.substr(dash + 1));
  std::string body = blob.substr(a, b - a + 1);
  return {"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + std::to_string(a) + "-" + std::to_string(b) + "/" +
          std::to_string(blob.size()) + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body};
}

UnixHttpConfig Config(const Server& s) {
  UnixHttpConfig c;
  c.socket_path = s.path();
  c.path = "/blobs";
  c.fast_backoff = true;
  c.headers = {"User-Agent: nydusd/1.0.0"};
  return c;
}

}  // namespace

TEST("blob_uri_joins_path_and_id_like_posix_join") {
  CHECK_EQ(nydus::storage::UnixHttpBlobUri("", "abc"), std::string("/abc"));
  CHECK_EQ(nydus::storage::UnixHttpBlobUri("/ns/repo/blobs", "abc"), std::string("/ns/repo/blobs/abc"));
  CHECK_EQ(nydus::storage::UnixHttpBlobUri("ns//x/", "abc"), std::string("/ns/x/abc"));
  CHECK_EQ(nydus::storage::UnixHttpBlobUri("/a/../b", "abc"), std::string("/b/abc"));
}

TEST("reads_exact_bytes_of_a_range") {
  Server s(Good);
  UnixHttpBackend b(Config(s));
  std::string out(300, '\0');
  REQUIRE_OK(b.ReadAt("b1", 100, reinterpret_cast<uint8_t*>(out.data()), out.size()));
  CHECK(out == Blob().substr(100, 300));
}

TEST("head_gives_the_size_and_it_is_cached") {
  Server s(Good);
  UnixHttpBackend b(Config(s));
  Result<uint64_t> size = b.BlobSize("b1");
  REQUIRE(size.ok());
  CHECK_EQ(size.value(), 1000u);
  REQUIRE(b.BlobSize("b1").ok());
  CHECK_EQ(s.requests(), 1);
}

TEST("keep_alive_connection_is_reused") {
  Server s(Good);
  UnixHttpBackend b(Config(s));
  uint8_t buf[50];
  for (int i = 0; i < 5; i++) REQUIRE_OK(b.ReadAt("b1", static_cast<uint64_t>(i) * 50, buf, sizeof(buf)));
  CHECK_EQ(b.connections_opened(), 1u);
  CHECK_EQ(s.requests(), 5);
}

TEST("stale_pooled_connection_is_replaced_without_an_error") {
  Server s([](const Request& r) {
    Reply rep = Good(r);
    rep.close_after = true;  // no "Connection: close": the client learns it on the next request
    return rep;
  });
  UnixHttpBackend b(Config(s));
  uint8_t buf[10];
  REQUIRE_OK(b.ReadAt("b1", 0, buf, sizeof(buf)));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE_OK(b.ReadAt("b1", 10, buf, sizeof(buf)));
  CHECK_EQ(s.requests(), 2);
}

TEST("not_found_is_enoent") {
  Server s(Good);
  UnixHttpBackend b(Config(s));
  Result<uint64_t> size = b.BlobSize("nope");
  REQUIRE(!size.ok());
  CHECK_EQ(size.status().error_number(), ENOENT);
  CHECK(size.status().message().find("not found (404)") != std::string::npos);
  uint8_t buf[4];
  Status r = b.ReadAt("nope", 0, buf, 4);
  CHECK_EQ(r.error_number(), ENOENT);
  CHECK_EQ(s.requests(), 2);  // not retried
}

TEST("server_error_is_retried_then_succeeds") {
  Server s([](const Request& r) {
    if (r.n == 0) return Reply{"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops"};
    return Good(r);
  });
  UnixHttpBackend b(Config(s));
  std::string out(64, '\0');
  REQUIRE_OK(b.ReadAt("b1", 7, reinterpret_cast<uint8_t*>(out.data()), out.size()));
  CHECK(out == Blob().substr(7, 64));
  CHECK_EQ(s.requests(), 2);
}

TEST("persistent_server_error_fails_after_all_attempts") {
  Server s([](const Request&) { return Reply{"HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"}; });
  UnixHttpBackend b(Config(s));
  uint8_t buf[4];
  Status on_demand = b.ReadAt("b1", 0, buf, 4);
  CHECK_EQ(on_demand.error_number(), EIO);
  CHECK(on_demand.message().find("after 4 attempts") != std::string::npos);
  Status prefetch = b.ReadAt("b1", 0, buf, 4, ReadSource::kPrefetch);
  CHECK(prefetch.message().find("after 2 attempts") != std::string::npos);
  CHECK_EQ(s.requests(), 6);
}

TEST("short_body_is_eio_expected_n_got_m") {
  Server s([](const Request&) {
    return Reply{"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-299/1000\r\nContent-Length: 100\r\n\r\n" +
                 std::string(100, 'x')};
  });
  UnixHttpBackend b(Config(s));
  std::string out(300, '\0');
  Status st = b.ReadAt("b1", 0, reinterpret_cast<uint8_t*>(out.data()), out.size());
  CHECK_EQ(st.error_number(), EIO);
  CHECK(st.message().find("expected 300 bytes, got 100") != std::string::npos);
}

TEST("server_closing_mid_body_is_eio") {
  Server s([](const Request&) {
    return Reply{"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-299/1000\r\nContent-Length: 300\r\n\r\n" +
                     std::string(120, 'x'),
                 true};
  });
  UnixHttpBackend b(Config(s));
  std::string out(300, '\0');
  Status st = b.ReadAt("b1", 0, reinterpret_cast<uint8_t*>(out.data()), out.size());
  CHECK_EQ(st.error_number(), EIO);
  CHECK(st.message().find("expected 300 bytes, got 120") != std::string::npos);
  CHECK_EQ(s.requests(), 4);
}

TEST("garbage_status_line_is_eio_not_retried") {
  Server s([](const Request&) { return Reply{"SPDY/9 what\r\nContent-Length: 0\r\n\r\n"}; });
  UnixHttpBackend b(Config(s));
  Result<uint64_t> size = b.BlobSize("b1");
  REQUIRE(!size.ok());
  CHECK_EQ(size.status().error_number(), EIO);
  CHECK(size.status().message().find("malformed status line") != std::string::npos);
  CHECK_EQ(s.requests(), 1);
}

TEST("oversized_header_section_is_eio") {
  Server s([](const Request&) {
    return Reply{"HTTP/1.1 200 OK\r\nX-Pad: " + std::string(20000, 'p') + "\r\nContent-Length: 1\r\n\r\n"};
  });
  UnixHttpBackend b(Config(s));
  Result<uint64_t> size = b.BlobSize("b1");
  REQUIRE(!size.ok());
  CHECK(size.status().message().find("over 16 KiB") != std::string::npos);
}

TEST("malformed_answers_are_clear_errors") {
  std::vector<std::pair<std::string, std::string>> cases = {
      {"HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n", "invalid Content-Length"},
      {"HTTP/1.1 200 OK\r\nX: y\r\n\r\n", "no valid Content-Length"},
      {"HTTP/1.1 206 Partial Content\r\nTransfer-Encoding: chunked\r\n\r\n", "chunked"},
      {"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-9/1000\r\nContent-Length: 5\r\n\r\nxxxxx", "range 5-9"},
      {"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", "ranged request"},
  };
  for (const auto& [answer, expect] : cases) {
    Server s([answer = answer](const Request&) { return Reply{answer, true}; });
    UnixHttpBackend b(Config(s));
    uint8_t buf[5];
    Status st = expect == "no valid Content-Length" ? b.BlobSize("b1").status() : b.ReadAt("b1", 10, buf, 5);
    CHECK_EQ(st.error_number(), EIO);
    if (st.message().find(expect) == std::string::npos) {
      nydus::test::Fail(__FILE__, __LINE__, "expected \"" + expect + "\" in: " + st.message());
    }
  }
}

TEST("whole_blob_200_is_accepted_at_offset_zero") {
  Server s([](const Request&) { return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"}; });
  UnixHttpBackend b(Config(s));
  char buf[5];
  REQUIRE_OK(b.ReadAt("b1", 0, reinterpret_cast<uint8_t*>(buf), 5));
  CHECK(std::string(buf, 5) == "hello");
}

TEST("silent_server_times_out") {
  Server s([](const Request&) { return Reply{"", false, true}; });
  UnixHttpConfig c = Config(s);
  c.timeout_ms = 200;
  UnixHttpBackend b(c);
  auto start = std::chrono::steady_clock::now();
  uint8_t buf[4];
  Status st = b.ReadAt("b1", 0, buf, 4);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  CHECK_EQ(st.error_number(), ETIMEDOUT);
  CHECK(ms >= 190 && ms < 2000);
}

TEST("missing_socket_is_a_connection_error") {
  UnixHttpConfig c;
  c.socket_path = "/nonexistent/blobs.sock";
  c.fast_backoff = true;
  UnixHttpBackend b(c);
  Result<uint64_t> size = b.BlobSize("b1");
  REQUIRE(!size.ok());
  CHECK_EQ(size.status().error_number(), EIO);
  CHECK(size.status().message().find("connect /nonexistent/blobs.sock") != std::string::npos);
}

TEST("concurrent_reads_get_their_own_bytes") {
  Server s(Good);
  UnixHttpBackend b(Config(s));
  std::atomic<int> bad{0};
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; t++) {
    ts.emplace_back([&, t] {
      std::string want = Blob();
      for (int i = 0; i < 25; i++) {
        size_t off = static_cast<size_t>((t * 97 + i * 31) % 900);
        std::string out(100, '\0');
        if (!b.ReadAt("b1", off, reinterpret_cast<uint8_t*>(out.data()), 100).ok() || out != want.substr(off, 100)) bad++;
      }
    });
  }
  for (std::thread& t : ts) t.join();
  CHECK_EQ(bad.load(), 0);
  CHECK(b.connections_opened() <= 4u);
}

NYDUS_TEST_MAIN()
