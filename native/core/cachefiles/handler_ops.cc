// CachefilesHandler: the OPEN / READ / CLOSE handlers, serving ranges into object fds, and the
// filler (bootstrap copies, data blob prefetch). Core layer (cachefiles).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstring>

#include "cachefiles/handler.h"
#include "cachefiles/handler_internal.h"

namespace nydus::cachefiles {
namespace {

std::string Num(uint64_t v) { return std::to_string(v); }

uint64_t RoundDown(uint64_t v) { return v / kPageSize * kPageSize; }
// Saturates instead of wrapping near 2^64.
uint64_t RoundUp(uint64_t v) { return v > UINT64_MAX - (kPageSize - 1) ? RoundDown(v) : RoundDown(v + kPageSize - 1); }

// `n` bytes at `offset` of a regular file; zeros past its end (the padded last page).
Status PreadPadded(int fd, uint8_t* out, size_t n, uint64_t offset) {
  size_t done = 0;
  while (done < n) {
    const ssize_t r = pread(fd, out + done, n - done, static_cast<off_t>(offset + done));
    if (r < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      return Status(err, "reading the bootstrap at " + Num(offset + done) + ": " + std::strerror(err));
    }
    if (r == 0) break;
    done += static_cast<size_t>(r);
  }
  std::memset(out + done, 0, n - done);
  return Status::Ok();
}

const char* KindName(const ObjectSource& s) {
  return s.kind == ObjectSource::Kind::kBootstrap ? "bootstrap" : "data blob";
}

}  // namespace

void CachefilesHandler::Handle(const uint8_t* msg, size_t n, Buffer& buf) {
  counters_->messages++;
  const ByteView bytes(msg, n);
  Result<MessageHeader> header = ParseHeader(bytes);
  if (!header.ok()) {
    counters_->malformed++;
    Log(LogLevel::kWarn, "cachefiles: skipped a malformed message: " + header.status().message());
    return;
  }
  const MessageHeader& h = header.value();
  const ByteView body(msg + kHeaderSize, n - kHeaderSize);
  switch (h.opcode) {
    case Opcode::kOpen:
      HandleOpen(h, body);
      return;
    case Opcode::kClose: {
      Status s = ParseClose(body);
      if (!s.ok()) {
        counters_->malformed++;
        Log(LogLevel::kWarn, "cachefiles: skipped a malformed CLOSE of object " + Num(h.object_id) + ": " +
                                 s.message());
        return;
      }
      HandleClose(h);
      return;
    }
    case Opcode::kRead: {
      Result<ReadRequest> r = ParseRead(body);
      if (!r.ok()) {
        counters_->malformed++;
        Log(LogLevel::kWarn, "cachefiles: malformed READ " + Num(h.msg_id) + " of object " + Num(h.object_id) +
                                 ": " + r.status().message());
        // The kernel waits for the completion: give it (no data) so its reader gets EIO.
        if (std::shared_ptr<Object> o = FindObject(h.object_id)) Complete(*o, h.msg_id);
        return;
      }
      HandleRead(h, r.value(), buf);
      return;
    }
  }
}

void CachefilesHandler::RefuseOpen(uint32_t msg_id, int fd, int err, const std::string& why) {
  if (fd >= 0) close(fd);
  counters_->open_refused++;
  Log(err == ENOENT ? LogLevel::kInfo : LogLevel::kWarn, "cachefiles: OPEN " + Num(msg_id) + " refused: " + why);
  Reply(CopenCommand(msg_id, -static_cast<int64_t>(err)));
}

void CachefilesHandler::HandleOpen(const MessageHeader& h, ByteView body) {
  uint32_t raw_fd = 0;
  const bool fd_present = OpenFdPresent(body, &raw_fd);
  // The fd names an anonymous fd the kernel installed for us, never one of our own.
  const bool fd_usable = fd_present && raw_fd <= static_cast<uint32_t>(INT_MAX) &&
                         static_cast<int>(raw_fd) != fd_ && static_cast<int>(raw_fd) != wake_fd_;
  const int fd = fd_usable ? static_cast<int>(raw_fd) : -1;
  Result<OpenRequest> parsed = ParseOpen(body);
  if (!parsed.ok() || !fd_usable) {
    counters_->malformed++;
    RefuseOpen(h.msg_id, fd, EINVAL,
               parsed.ok() ? "fd " + Num(raw_fd) + " is not an object fd" : parsed.status().message());
    return;
  }
  const OpenRequest& req = parsed.value();
  const std::string key = GenerateKey(req.domain, req.cookie_key);
  std::shared_ptr<const ObjectSource> source = table_->Find(key);
  if (!source) {
    RefuseOpen(h.msg_id, fd, ENOENT, "no blob entry for " + key);
    return;
  }
  auto object = std::make_shared<Object>();
  object->id = h.object_id;
  object->fd = fd;  // owned from here: closed with the object
  object->source = source;
  if (source->kind == ObjectSource::Kind::kBootstrap) {
    object->bootstrap_fd = open(source->bootstrap_path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (object->bootstrap_fd < 0 || fstat(object->bootstrap_fd, &st) != 0) {
      const int err = errno;
      object->fd = -1;
      RefuseOpen(h.msg_id, fd, ENOENT, "bootstrap " + source->bootstrap_path + ": " + std::strerror(err));
      return;
    }
    object->size = static_cast<uint64_t>(st.st_size);
  } else {
    object->size = source->image->blobs()[source->blob_index].uncompressed_size;
    if (object->size == 0) {
      object->fd = -1;
      RefuseOpen(h.msg_id, fd, EINVAL, "blob " + key + " has no uncompressed size in its bootstrap");
      return;
    }
  }
  {
    std::lock_guard<std::mutex> lock(objects_mu_);
    // Inserted before the reply, so a READ that follows the copen always finds it.
    if (!objects_.emplace(h.object_id, object).second) {
      object->fd = -1;
      RefuseOpen(h.msg_id, fd, EALREADY, "object " + Num(h.object_id) + " is already open");
      return;
    }
  }
  counters_->opens++;
  const bool bootstrap = source->kind == ObjectSource::Kind::kBootstrap;
  Log(LogLevel::kInfo, "cachefiles: OPEN " + std::string(KindName(*source)) + " " + key + " as object " +
                           Num(h.object_id) + ", " + Num(object->size) + " bytes" +
                           (source->prefetch ? ", prefetch window " + Num(source->prefetch_window) : ""));
  Reply(CopenCommand(h.msg_id, static_cast<int64_t>(std::min<uint64_t>(object->size, INT64_MAX))));
  if (bootstrap || source->prefetch) {
    // The whole bootstrap (§6.3 step 4) or prefetched blob (step 5) goes in only after the copen
    // has been written, off the workers.
    {
      std::lock_guard<std::mutex> lock(filler_mu_);
      (bootstrap ? copy_queue_ : prefetch_queue_).push_back(object);
    }
    filler_cv_.notify_one();
  }
}

void CachefilesHandler::HandleClose(const MessageHeader& h) {
  std::shared_ptr<Object> object;
  {
    std::lock_guard<std::mutex> lock(objects_mu_);
    auto it = objects_.find(h.object_id);
    if (it != objects_.end()) {
      object = std::move(it->second);
      objects_.erase(it);
    }
  }
  if (!object) {
    counters_->unknown_object++;
    Log(LogLevel::kWarn, "cachefiles: CLOSE of object " + Num(h.object_id) + ", which is not open");
    return;
  }
  object->closed.store(true);
  counters_->closes++;
  Log(LogLevel::kInfo, "cachefiles: CLOSE object " + Num(h.object_id) + " (" + object->source->key + ")");
  // Its fd closes with the last reference (a READ or the filler may still hold it).
}

std::shared_ptr<CachefilesHandler::Object> CachefilesHandler::FindObject(uint32_t object_id) const {
  std::lock_guard<std::mutex> lock(objects_mu_);
  auto it = objects_.find(object_id);
  return it == objects_.end() ? nullptr : it->second;
}

void CachefilesHandler::HandleRead(const MessageHeader& h, const ReadRequest& r, Buffer& buf) {
  std::shared_ptr<Object> object = FindObject(h.object_id);
  if (!object) {
    // No fd to complete on: the request stays with the kernel (nydusd does the same).
    counters_->unknown_object++;
    Log(LogLevel::kWarn, "cachefiles: READ " + Num(h.msg_id) + " of object " + Num(h.object_id) +
                             ", which is not open");
    return;
  }
  counters_->reads++;
  Status s = Serve(*object, r.offset, r.length, buf, ServeKind::kRead);
  if (!s.ok()) {
    // Left unwritten: the kernel finds the range missing and fails its reader with EIO.
    Log(LogLevel::kError, "cachefiles: READ " + Num(h.msg_id) + " of " + object->source->key + " [" +
                              Num(r.offset) + ", +" + Num(r.length) + "): " + s.ToString());
  }
  Complete(*object, h.msg_id);
}

void CachefilesHandler::Complete(const Object& object, uint32_t msg_id) {
  counters_->read_completes++;
  const int rc = io_.read_complete(object.fd, msg_id);
  if (rc < 0) {
    counters_->complete_errors++;
    Log(LogLevel::kWarn, "cachefiles: READ_COMPLETE of msg " + Num(msg_id) + " on object " + Num(object.id) +
                             " failed: " + std::strerror(-rc));
  }
}

Status CachefilesHandler::WriteObject(const Object& object, const uint8_t* data, size_t length, uint64_t offset) {
  size_t done = 0;
  while (done < length) {
    const long n = io_.pwrite(object.fd, data + done, length - done, offset + done);
    if (n == -EINTR) continue;
    if (n <= 0) {
      counters_->write_errors++;
      const int err = n < 0 ? static_cast<int>(-n) : EIO;
      return Status(err, "writing [" + Num(offset + done) + ", +" + Num(length - done) + ") into object " +
                             Num(object.id) + ": " + (n < 0 ? std::strerror(err) : "nothing written"));
    }
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

Status CachefilesHandler::Serve(const Object& object, uint64_t offset, uint64_t length, Buffer& buf,
                                ServeKind kind, uint64_t* served_end) {
  // cachefiles sizes the backing file to the object size rounded up to its 4 KiB DIO block
  // (cachefiles_adjust_size), and writes through the anonymous fd are direct I/O: whole pages
  // from a page-aligned buffer, never past that rounded size. (An unaligned offset would not
  // even fail cleanly: cachefiles_ondemand_fd_write_iter writes at the page-rounded-down
  // position that __cachefiles_prepare_write hands back.)
  const uint64_t limit = RoundUp(object.size);
  if (served_end) *served_end = offset;
  if (length == 0 || offset >= limit) return Status::Ok();
  const bool prefetch = kind == ServeKind::kPrefetch;
  // A failed prefetch is counted once, by the filler, as a prefetch error.
  auto source_failed = [&](Status s) {
    if (!prefetch) counters_->read_errors++;
    return s;
  };
  auto cancelled = [&] { return prefetch && (object.closed.load() || stopping_.load()); };
  uint64_t start = offset;
  uint64_t end = offset + std::min(length, limit - offset);
  const ObjectSource& source = *object.source;
  const bool blob = source.kind == ObjectSource::Kind::kDataBlob;
  if (blob) {
    Result<Image::BlobSpan> span = source.image->BlobChunkSpan(source.blob_index, start, end - start);
    if (!span.ok()) return source_failed(span.status());
    start = span.value().start;
    end = std::max(end, span.value().end);
  }
  start = RoundDown(start);
  end = std::min(RoundUp(end), limit);
  if (served_end) *served_end = end;
  std::atomic<uint64_t>& bytes = kind == ServeKind::kRead           ? counters_->read_bytes
                                 : kind == ServeKind::kBootstrapCopy ? counters_->bootstrap_bytes
                                                                     : counters_->prefetch_bytes;
  for (uint64_t pos = start; pos < end;) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(kWindow, end - pos));
    uint8_t* data = buf.Get(n);
    if (!data) return source_failed(Status(ENOMEM, "no memory for a " + Num(n) + "-byte buffer"));
    if (cancelled()) return Status(ECANCELED, "cancelled at " + Num(pos));
    Status s = blob ? source.image->ReadBlobUncompressed(source.blob_index, pos, n, data)
                    : PreadPadded(object.bootstrap_fd, data, n, pos);
    if (!s.ok()) return source_failed(s);
    // A READ worker may write these pages at the same time: both write the same bytes, each from
    // its own thread's buffer, so either order leaves the object right.
    if (cancelled()) return Status(ECANCELED, "cancelled at " + Num(pos));
    s = WriteObject(object, data, n, pos);
    if (!s.ok()) return s;
    bytes += n;
    pos += n;
  }
  return Status::Ok();
}

void CachefilesHandler::FillerMain() {
  // The one filler thread and its buffer: every bootstrap copy and every prefetch window runs
  // here (a bootstrap's retry delay holds prefetch up too; rare, and bounded by 3 attempts).
  Buffer buf;
  for (;;) {
    std::shared_ptr<Object> object;
    bool copy = false;
    {
      std::unique_lock<std::mutex> lock(filler_mu_);
      filler_cv_.wait(lock, [&] { return stopping_.load() || !copy_queue_.empty() || !prefetch_queue_.empty(); });
      if (stopping_.load()) return;
      // Bootstraps first: a mount waits for its bootstrap, nobody waits for a prefetch.
      copy = !copy_queue_.empty();
      std::deque<std::shared_ptr<Object>>& queue = copy ? copy_queue_ : prefetch_queue_;
      object = std::move(queue.front());
      queue.pop_front();
    }
    if (copy) {
      if (!CopyBootstrap(*object, buf)) return;
    } else if (!PrefetchStep(*object, buf)) {
      // Back to the front, so this blob is finished before the next one starts; Stop dropped the
      // queue when stopping, and a later Start must not find it there.
      std::lock_guard<std::mutex> lock(filler_mu_);
      if (!stopping_.load()) prefetch_queue_.push_front(std::move(object));
    }
  }
}

bool CachefilesHandler::CopyBootstrap(const Object& object, Buffer& buf) {
  constexpr int kAttempts = 3;
  constexpr auto kRetryDelay = std::chrono::seconds(2);
  for (int attempt = 1; attempt <= kAttempts && !object.closed.load(); ++attempt) {
    Status s = Serve(object, 0, object.size, buf, ServeKind::kBootstrapCopy);
    if (s.ok()) break;
    Log(LogLevel::kWarn, "cachefiles: copying bootstrap " + object.source->key + " into object " + Num(object.id) +
                             " (attempt " + Num(attempt) + " of " + Num(kAttempts) + "): " + s.ToString());
    if (attempt == kAttempts) break;
    std::unique_lock<std::mutex> lock(filler_mu_);
    if (filler_cv_.wait_for(lock, kRetryDelay, [&] { return stopping_.load(); })) return false;
  }
  return true;
}

bool CachefilesHandler::PrefetchStep(Object& object, Buffer& buf) {
  const ObjectSource& source = *object.source;
  const uint64_t pos = object.prefetch_pos;
  uint64_t end = pos;
  Status s = Serve(object, pos, source.prefetch_window, buf, ServeKind::kPrefetch, &end);
  const std::string what = "prefetch of " + source.key + " into object " + Num(object.id);
  if (!s.ok() && (object.closed.load() || stopping_.load())) {
    Log(LogLevel::kInfo, "cachefiles: " + what + " stopped at " + Num(pos) + ": " +
                             (object.closed.load() ? "the object is closed" : "the handler stops"));
    return true;
  }
  if (!s.ok()) {
    // No retry: what is missing is fetched by the kernel's READs, as without prefetch.
    counters_->prefetch_errors++;
    Log(LogLevel::kWarn, "cachefiles: " + what + " stopped at " + Num(pos) + ", left to READs: " + s.ToString());
    return true;
  }
  if (end > pos && end < RoundUp(object.size)) {
    object.prefetch_pos = end;
    return false;
  }
  counters_->prefetches++;
  Log(LogLevel::kInfo, "cachefiles: " + what + " done, " + Num(object.size) + " bytes");
  return true;
}

}  // namespace nydus::cachefiles
