// UnixHttpBackend: HTTP/1.1 client of the http-proxy protocol over a Unix socket (see the
// header). Core layer. Every wait is a poll() bounded by the operation's deadline.
#include "storage/unix_http_backend.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <random>
#include <string_view>
#include <thread>
#include <utility>

namespace nydus::storage {

namespace {

constexpr size_t kMaxHeaderBytes = 16 << 10;
constexpr size_t kMaxErrorBody = 512;
constexpr uint64_t kNoDeadline = 0;

uint64_t NowMs() {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

// poll() timeout until `deadline_ms` (-1 = none); 0 when it has passed.
int PollTimeout(uint64_t deadline_ms) {
  if (deadline_ms == kNoDeadline) return -1;
  uint64_t now = NowMs();
  if (now >= deadline_ms) return 0;
  return static_cast<int>(std::min<uint64_t>(deadline_ms - now, 1u << 30));
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Decimal digits only, no overflow past 2^62.
bool ParseU64(std::string_view s, uint64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  out = v;
  return true;
}

// The parts of a response head the client acts on.
struct Head {
  int status = 0;
  bool has_length = false;
  uint64_t content_length = 0;
  bool chunked = false;
  bool keep_alive = true;
  bool has_range = false;
  uint64_t range_first = 0;
  uint64_t range_last = 0;
};

// Parses "HTTP/1.x SSS reason\r\n(Name: value\r\n)*" (the blank line already cut off).
Status ParseHead(std::string_view text, Head& head) {
  size_t eol = text.find("\r\n");
  std::string_view line = text.substr(0, eol);
  if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || (line[7] != '0' && line[7] != '1') || line[8] != ' ' ||
      (line.size() > 12 && line[12] != ' ')) {
    return Status(EIO, "malformed status line \"" + std::string(line.substr(0, 80)) + "\"");
  }
  uint64_t status = 0;
  if (!ParseU64(line.substr(9, 3), status) || status < 100) {
    return Status(EIO, "malformed status line \"" + std::string(line.substr(0, 80)) + "\"");
  }
  head.status = static_cast<int>(status);
  head.keep_alive = line[7] == '1';
  std::string_view rest = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 2);
  while (!rest.empty()) {
    size_t end = rest.find("\r\n");
    std::string_view h = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
    size_t colon = h.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return Status(EIO, "malformed header line \"" + std::string(h.substr(0, 80)) + "\"");
    }
    std::string_view name = h.substr(0, colon);
    std::string_view value = Trim(h.substr(colon + 1));
    if (IEquals(name, "content-length")) {
      uint64_t len = 0;
      if (!ParseU64(value, len) || (head.has_length && len != head.content_length)) {
        return Status(EIO, "invalid Content-Length \"" + std::string(value.substr(0, 40)) + "\"");
      }
      head.has_length = true;
      head.content_length = len;
    } else if (IEquals(name, "transfer-encoding")) {
      if (!IEquals(value, "identity")) head.chunked = true;
    } else if (IEquals(name, "connection")) {
      if (IEquals(value, "close")) head.keep_alive = false;
      else if (IEquals(value, "keep-alive")) head.keep_alive = true;
    } else if (IEquals(name, "content-range")) {
      // "bytes first-last/total" (total may be "*")
      std::string_view v = value;
      size_t dash = v.find('-');
      size_t slash = v.find('/');
      if (v.substr(0, 6) != "bytes " || dash == std::string_view::npos || slash == std::string_view::npos || slash < dash ||
          !ParseU64(v.substr(6, dash - 6), head.range_first) ||
          !ParseU64(v.substr(dash + 1, slash - dash - 1), head.range_last)) {
        return Status(EIO, "invalid Content-Range \"" + std::string(value.substr(0, 80)) + "\"");
      }
      head.has_range = true;
    }
  }
  return Status::Ok();
}

}  // namespace

std::string UnixHttpBlobUri(const std::string& path, const std::string& blob_id) {
  // posix.join(path, id) normalised, then made absolute (the URL's pathname).
  std::string joined = path.empty() ? blob_id : path + "/" + blob_id;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string part = joined.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(std::move(part));
    }
    i = j + 1;
  }
  std::string uri;
  for (const std::string& p : parts) uri += "/" + p;
  return uri.empty() ? "/" : uri;
}

// One connected socket. `buf` holds bytes received past the last consumed one (the head of a
// response and whatever of the body arrived with it).
class UnixHttpBackend::Conn {
 public:
  explicit Conn(int fd) : fd_(fd) {}
  ~Conn() { ::close(fd_); }
  Conn(const Conn&) = delete;
  Conn& operator=(const Conn&) = delete;

  // Waits for `events`; ETIMEDOUT past the deadline.
  Status Wait(short events, uint64_t deadline_ms) {
    for (;;) {
      pollfd p{fd_, events, 0};
      int r = ::poll(&p, 1, PollTimeout(deadline_ms));
      if (r > 0) return Status::Ok();
      if (r == 0) return Status(ETIMEDOUT, "no complete answer before the deadline");
      if (errno != EINTR) return Status(EIO, std::string("poll: ") + std::strerror(errno));
    }
  }

  Status SendAll(const std::string& data, uint64_t deadline_ms) {
    size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (Status s = Wait(POLLOUT, deadline_ms); !s.ok()) return s;
      } else if (n < 0 && errno != EINTR) {
        return Status(EIO, std::string("send: ") + std::strerror(errno));
      }
    }
    return Status::Ok();
  }

  // recv() into dst; 0 at end of stream.
  Result<size_t> Recv(uint8_t* dst, size_t cap, uint64_t deadline_ms) {
    for (;;) {
      ssize_t n = ::recv(fd_, dst, cap, 0);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        if (Status s = Wait(POLLIN, deadline_ms); !s.ok()) return s;
      } else if (errno != EINTR) {
        return Status(EIO, std::string("recv: ") + std::strerror(errno));
      }
    }
  }

  // Receives up to the end of the header section; its text (without the blank line) goes to
  // `head`, the bytes after it stay buffered. `any` tells whether a byte arrived at all.
  Status ReadHead(std::string& head, uint64_t deadline_ms, bool& any) {
    any = false;
    buf_.resize(kMaxHeaderBytes);
    size_t have = 0;
    for (;;) {
      std::string_view seen(reinterpret_cast<const char*>(buf_.data()), have);
      size_t end = seen.find("\r\n\r\n");
      if (end != std::string_view::npos) {
        head.assign(seen.substr(0, end));
        pos_ = end + 4;
        len_ = have;
        return Status::Ok();
      }
      if (have == buf_.size()) return Status(EIO, "response header section over 16 KiB");
      Result<size_t> n = Recv(buf_.data() + have, buf_.size() - have, deadline_ms);
      if (!n.ok()) return n.status();
      if (n.value() == 0) {
        return Status(EIO, have ? "connection closed inside the response header section"
                                : "connection closed before an answer");
      }
      any = true;
      have += n.value();
    }
  }

  // Reads exactly `want` body bytes into dst (buffered ones first); returns how many arrived
  // before the stream ended.
  Result<size_t> ReadBody(uint8_t* dst, size_t want, uint64_t deadline_ms) {
    size_t got = std::min(want, len_ - pos_);
    if (got) std::memcpy(dst, buf_.data() + pos_, got);
    pos_ += got;
    while (got < want) {
      Result<size_t> n = Recv(dst + got, want - got, deadline_ms);
      if (!n.ok()) return n.status();
      if (n.value() == 0) break;
      got += n.value();
    }
    return got;
  }

  // True when nothing past the consumed response is buffered (a server that sent more than
  // it announced cannot be trusted with the next request).
  bool Clean() const { return pos_ == len_; }
  int fd() const { return fd_; }

 private:
  const int fd_;
  std::vector<uint8_t> buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
};

struct UnixHttpBackend::Outcome {
  Status status;
  bool retryable = false;
  uint64_t size = 0;  // HEAD: Content-Length
};

UnixHttpBackend::UnixHttpBackend(UnixHttpConfig config) : config_(std::move(config)) {
  header_tail_ = "Host: localhost\r\n";
  for (const std::string& h : config_.headers) header_tail_ += h + "\r\n";
  header_tail_ += "\r\n";
}

UnixHttpBackend::~UnixHttpBackend() = default;

uint64_t UnixHttpBackend::connections_opened() const {
  std::lock_guard<std::mutex> lock(mu_);
  return opened_;
}

std::unique_ptr<UnixHttpBackend::Conn> UnixHttpBackend::Acquire(uint64_t deadline_ms, Status& err, bool& reused) {
  reused = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      reused = true;
      std::unique_ptr<Conn> c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
  }
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (config_.socket_path.size() >= sizeof(addr.sun_path)) {
    err = Status(EINVAL, "socket path too long");
    return nullptr;
  }
  std::memcpy(addr.sun_path, config_.socket_path.c_str(), config_.socket_path.size() + 1);
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) {
    err = Status(EIO, std::string("socket: ") + std::strerror(errno));
    return nullptr;
  }
  auto conn = std::make_unique<Conn>(fd);
  uint64_t connect_deadline = config_.connect_timeout_ms ? NowMs() + config_.connect_timeout_ms : kNoDeadline;
  if (deadline_ms != kNoDeadline && (connect_deadline == kNoDeadline || deadline_ms < connect_deadline)) {
    connect_deadline = deadline_ms;
  }
  for (;;) {
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)) == 0) break;
    if (errno == EINTR) continue;
    if (errno == EAGAIN) {
      // AF_UNIX: the listener's backlog is full; there is nothing to poll for, so try again shortly.
      if (connect_deadline != kNoDeadline && NowMs() >= connect_deadline) {
        err = Status(EIO, "connect timeout (listen backlog full)");
        return nullptr;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    if (errno == EINPROGRESS) {
      if (Status s = conn->Wait(POLLOUT, connect_deadline); !s.ok()) {
        err = Status(EIO, "connect timeout");
        return nullptr;
      }
      int so = 0;
      socklen_t len = sizeof(so);
      ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so, &len);
      if (so == 0) break;
      errno = so;
    }
    err = Status(EIO, "connect " + config_.socket_path + ": " + std::strerror(errno));
    return nullptr;
  }
  std::lock_guard<std::mutex> lock(mu_);
  opened_++;
  return conn;
}

void UnixHttpBackend::Release(std::unique_ptr<Conn> conn) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < config_.max_idle) idle_.push_back(std::move(conn));
}

UnixHttpBackend::Outcome UnixHttpBackend::Exchange(const char* method, const std::string& blob_id, uint64_t offset,
                                                   uint8_t* buf, size_t length, uint64_t deadline_ms) {
  std::string req = std::string(method) + " " + UnixHttpBlobUri(config_.path, blob_id) + " HTTP/1.1\r\n";
  if (buf) req += "Range: bytes=" + std::to_string(offset) + "-" + std::to_string(offset + length - 1) + "\r\n";
  req += header_tail_;
  const bool head_only = buf == nullptr;

  // A pooled connection the server has since closed fails before any byte of an answer:
  // that is not the server's answer, so it is tried once more on a fresh connection.
  for (int round = 0;; round++) {
    Status err;
    bool reused = false;
    std::unique_ptr<Conn> conn = Acquire(deadline_ms, err, reused);
    if (!conn) return {err, true};
    std::string head_text;
    bool any = false;
    Status s = conn->SendAll(req, deadline_ms);
    if (s.ok()) s = conn->ReadHead(head_text, deadline_ms, any);
    if (!s.ok()) {
      if (!any && s.error_number() == EIO && reused && round == 0) continue;
      // Transport failures and timeouts are retried; an oversized header section is not.
      return {s, s.message().rfind("response header section over", 0) != 0};
    }
    Head head;
    if (Status p = ParseHead(head_text, head); !p.ok()) return {p, false};
    if (head.chunked) return {Status(EIO, "chunked transfer encoding is not supported"), false};

    Outcome out;
    if (head.status < 200 || head.status >= 300) {
      std::string body;
      bool reusable = head.keep_alive;
      if (!head_only && head.has_length && head.content_length <= kMaxErrorBody) {
        body.resize(head.content_length);
        Result<size_t> n = conn->ReadBody(reinterpret_cast<uint8_t*>(body.data()), body.size(), deadline_ms);
        body.resize(n.ok() ? n.value() : 0);
        reusable = reusable && n.ok() && body.size() == head.content_length && conn->Clean();
      } else if (!head_only) {
        reusable = false;
      }
      for (char& c : body) {
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
      }
      if (body.size() > 200) body.resize(200);
      if (reusable) Release(std::move(conn));
      const std::string code = std::to_string(head.status);
      if (head.status == 404) return {Status(ENOENT, "blob " + blob_id + " not found (404)"), false};
      if (head.status == 401 || head.status == 403) return {Status(EACCES, "blob " + blob_id + ": access denied (" + code + ")"), false};
      if (head.status == 416) {
        return {Status(EIO, "blob " + blob_id + ": range not satisfiable (416): the blob is smaller than the requested range"), false};
      }
      return {Status(EIO, "blob " + blob_id + ": unexpected answer " + code + (body.empty() ? "" : ": " + body)),
              head.status >= 500 || head.status == 429};
    }
    if (head_only) {
      if (!head.has_length) return {Status(EIO, "blob " + blob_id + ": HEAD answer has no valid Content-Length"), false};
      out.size = head.content_length;
      if (head.keep_alive && conn->Clean()) Release(std::move(conn));
      return out;
    }
    if (!head.has_length) return {Status(EIO, "blob " + blob_id + ": answer has no Content-Length"), false};
    const uint64_t want = length;
    if (head.status == 206) {
      if (!head.has_range || head.range_first != offset || head.range_last != offset + length - 1) {
        std::string got = head.has_range ? std::to_string(head.range_first) + "-" + std::to_string(head.range_last) : "none";
        return {Status(EIO, "blob " + blob_id + ": server answered range " + got + " for a request of " +
                                std::to_string(offset) + "-" + std::to_string(offset + length - 1)),
                true};
      }
    } else if (!(head.status == 200 && offset == 0 && head.content_length == want)) {
      return {Status(EIO, "blob " + blob_id + ": answer " + std::to_string(head.status) + " of " +
                              std::to_string(head.content_length) + " bytes to a ranged request of " + std::to_string(want) +
                              " bytes at offset " + std::to_string(offset)),
              false};
    }
    if (head.content_length > want) {
      return {Status(EIO, "blob " + blob_id + ": Content-Length " + std::to_string(head.content_length) +
                              " exceeds the " + std::to_string(want) + " bytes asked for"),
              false};
    }
    Result<size_t> n = conn->ReadBody(buf, static_cast<size_t>(head.content_length), deadline_ms);
    if (!n.ok()) return {n.status(), true};
    if (n.value() < want) {
      return {Status(EIO, "blob " + blob_id + ": expected " + std::to_string(want) + " bytes, got " +
                              std::to_string(n.value()) + " (short body)"),
              true};
    }
    if (head.keep_alive && conn->Clean()) Release(std::move(conn));
    return out;
  }
}

template <typename Fn>
Status UnixHttpBackend::WithRetry(bool prefetch, const std::string& what, Fn&& fn) {
  const uint32_t attempts = std::max<uint32_t>(1, prefetch ? config_.prefetch_attempts : config_.on_demand_attempts);
  const uint64_t deadline = config_.timeout_ms ? NowMs() + config_.timeout_ms : kNoDeadline;
  const std::string budget = std::to_string(config_.timeout_ms / 1000.0).substr(0, 5) + " s";
  const std::string prefix = "http-proxy " + config_.socket_path + ": " + what + ": ";
  thread_local std::minstd_rand rng(std::random_device{}());
  for (uint32_t attempt = 1;; attempt++) {
    Outcome o = fn(deadline);
    if (o.status.ok()) return Status::Ok();
    const std::string tries = attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : "";
    if (!o.retryable) return Status(o.status.error_number(), prefix + o.status.message() + tries);
    if (attempt >= attempts) return Status(o.status.error_number(), prefix + o.status.message() + tries);
    uint64_t backoff = prefetch ? 100 + rng() % 900 : 100ull << (attempt - 1);
    if (config_.fast_backoff) backoff = 1;
    if (deadline != kNoDeadline && NowMs() + backoff >= deadline) {
      return Status(ETIMEDOUT, prefix + "timed out after " + budget + tries + ": " + o.status.message());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
  }
}

Result<uint64_t> UnixHttpBackend::BlobSize(const std::string& blob_id) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sizes_.find(blob_id);
    if (it != sizes_.end()) return it->second;
  }
  uint64_t size = 0;
  Status s = WithRetry(false, "size of blob " + blob_id, [&](uint64_t deadline) {
    Outcome o = Exchange("HEAD", blob_id, 0, nullptr, 0, deadline);
    size = o.size;
    return o;
  });
  if (!s.ok()) return s;
  std::lock_guard<std::mutex> lock(mu_);
  sizes_[blob_id] = size;
  return size;
}

Status UnixHttpBackend::ReadAt(const std::string& blob_id, uint64_t offset, uint8_t* buf, size_t length,
                               ReadSource source) {
  if (length == 0) return Status::Ok();
  const bool prefetch = source == ReadSource::kPrefetch;
  return WithRetry(prefetch, std::string(prefetch ? "prefetch" : "read") + " of blob " + blob_id + " [" +
                                 std::to_string(offset) + ", +" + std::to_string(length) + ")",
                   [&](uint64_t deadline) { return Exchange("GET", blob_id, offset, buf, length, deadline); });
}

}  // namespace nydus::storage
