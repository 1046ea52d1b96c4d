// FUSE mount / unmount: mount(2) first, fusermount3 when mount(2) says EPERM. Core layer
// (transport). Children are forked with everything prepared beforehand, so only
// async-signal-safe calls run between fork and exec.
#include "transport/fuse_mount.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "fuse/fuse_abi.h"

namespace nydus::transport {
namespace {

constexpr const char* kFusermount = "fusermount3";

Status Errno(int err, const std::string& what) { return Status(err, what + ": " + std::strerror(err)); }

// Runs argv (PATH lookup) with `env_extra` added and waits; returns the exit status or -errno.
int RunAndWait(const std::vector<std::string>& args, const std::string& env_extra, int keep_fd) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e) envp.push_back(*e);
  if (!env_extra.empty()) envp.push_back(const_cast<char*>(env_extra.c_str()));
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return -errno;
  if (pid == 0) {
    if (keep_fd >= 0) fcntl(keep_fd, F_SETFD, 0);  // survives exec
    execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -errno;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

Result<int> FusermountMount(const std::string& mountpoint, const std::string& options) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) return Errno(errno, "socketpair");
  const int rc = RunAndWait({kFusermount, "-o", options, "--", mountpoint},
                            "_FUSE_COMMFD=" + std::to_string(sv[1]), sv[1]);
  close(sv[1]);
  if (rc != 0) {
    close(sv[0]);
    return Status(EPERM, std::string(kFusermount) + " failed (" + (rc < 0 ? std::strerror(-rc) : "exit " + std::to_string(rc)) +
                             ") mounting " + mountpoint);
  }
  char byte;
  iovec iov{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n;
  do {
    n = recvmsg(sv[0], &msg, MSG_CMSG_CLOEXEC);
  } while (n < 0 && errno == EINTR);
  close(sv[0]);
  cmsghdr* cmsg = n > 0 ? CMSG_FIRSTHDR(&msg) : nullptr;
  if (!cmsg || cmsg->cmsg_level != SOL_SOCKET || cmsg->cmsg_type != SCM_RIGHTS) {
    return Status(EIO, std::string(kFusermount) + " did not pass a /dev/fuse fd");
  }
  int fd;
  std::memcpy(&fd, CMSG_DATA(cmsg), sizeof fd);
  return fd;
}

// "\040" escapes of /proc/self/mountinfo paths.
std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\\' && i + 3 < s.size()) {
      out.push_back(static_cast<char>(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0')));
      i += 3;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// (major << 20) | minor of the newest FUSE mount at `mountpoint`, from /proc/self/mountinfo.
uint64_t ConnectionIdOf(const std::string& mountpoint) {
  FILE* f = std::fopen("/proc/self/mountinfo", "re");
  if (!f) return 0;
  uint64_t id = 0;
  char* line = nullptr;
  size_t cap = 0;
  while (getline(&line, &cap, f) > 0) {
    unsigned maj = 0, min = 0;
    char target[4096];
    if (std::sscanf(line, "%*u %*u %u:%u %*s %4095s", &maj, &min, target) != 3) continue;
    const char* sep = std::strstr(line, " - ");
    if (!sep || std::strncmp(sep + 3, "fuse", 4) != 0) continue;
    if (Unescape(target) == mountpoint) id = (uint64_t{maj} << 20) | min;
  }
  std::free(line);
  std::fclose(f);
  return id;
}

}  // namespace

Result<MountedFuse> MountFuse(const MountOptions& options) {
  char real[PATH_MAX];
  if (!realpath(options.mountpoint.c_str(), real)) return Errno(errno, "mountpoint " + options.mountpoint);
  struct stat st {};
  if (stat(real, &st) != 0) return Errno(errno, "mountpoint " + options.mountpoint);
  if (!S_ISDIR(st.st_mode)) return Status(ENOTDIR, "mountpoint " + options.mountpoint + " is not a directory");

  MountedFuse m;
  m.mountpoint = real;
  const std::string common = "default_permissions,max_read=" + std::to_string(fuse::kMountMaxRead) + ",allow_other";
  const int fd = open("/dev/fuse", O_RDWR | O_CLOEXEC);
  if (fd < 0) return Errno(errno, "open /dev/fuse");
  char rootmode[16];
  std::snprintf(rootmode, sizeof rootmode, "%o", st.st_mode & S_IFMT);
  const std::string data = "default_permissions,fd=" + std::to_string(fd) + ",rootmode=" + rootmode +
                           ",user_id=" + std::to_string(getuid()) + ",group_id=" + std::to_string(getgid()) +
                           ",max_read=" + std::to_string(fuse::kMountMaxRead) + ",allow_other";
  unsigned long flags = MS_NOSUID | MS_NODEV | MS_NOATIME;
  if (options.readonly) flags |= MS_RDONLY;
  if (mount(options.fsname.c_str(), real, "fuse", flags, data.c_str()) == 0) {
    m.fd = fd;
  } else {
    const int err = errno;
    close(fd);
    if (err != EPERM) return Errno(err, "mount " + m.mountpoint);
    // fusermount3 adds fd, rootmode, user_id and group_id itself (they are reserved to it).
    std::string opts = "fsname=" + options.fsname + "," + common + ",nosuid,nodev,noatime";
    if (options.readonly) opts += ",ro";
    auto passed = FusermountMount(m.mountpoint, opts);
    if (!passed.ok()) return passed.status();
    m.fd = passed.value();
  }
  const int fl = fcntl(m.fd, F_GETFL);
  if (fl < 0 || fcntl(m.fd, F_SETFL, fl | O_NONBLOCK) != 0) {
    const int err = errno;
    (void)UnmountFuse(m.mountpoint);
    close(m.fd);
    return Errno(err, "fcntl O_NONBLOCK on /dev/fuse");
  }
  // Not stat(2): the root's attributes would need an answer from workers not yet running.
  m.connection_id = ConnectionIdOf(m.mountpoint);
  return m;
}

uint64_t FuseConnectionIdOf(const std::string& mountpoint) { return ConnectionIdOf(mountpoint); }

Status UnmountFuse(const std::string& mountpoint) {
  if (umount2(mountpoint.c_str(), MNT_DETACH) == 0) return Status::Ok();
  const int err = errno;
  const int rc = RunAndWait({kFusermount, "-u", "-z", "-q", "--", mountpoint}, "", -1);
  if (rc == 0) return Status::Ok();
  return Errno(err, "umount " + mountpoint);
}

}  // namespace nydus::transport
