/* benchtool: the measuring loops of `npm run bench`, in C so that the harness adds as
 * little per-operation cost as possible (a Node loop would dilute the peers' ratios).
 *
 *   benchtool seqread  ROOT LIST BS MIN_SECONDS [sum]   read each listed file with BS reads
 *   benchtool randread ROOT LIST BS SECONDS THREADS     pread BS at random aligned offsets (fio fallback)
 *   benchtool stat     ROOT LIST MIN_SECONDS             lstat every listed path
 *   benchtool readdir  ROOT MIN_SECONDS                  opendir/readdir every directory, no stat
 *   benchtool xattr    ROOT LIST MIN_SECONDS             llistxattr + lgetxattr of every name
 *   benchtool setxattr ROOT < "path\tname\thexvalue" lines
 *   benchtool mount    SOURCE DIR FSTYPE OPTIONS       mount(2) read-only, as is (util-linux mount would
 *                                                     put a regular-file SOURCE on a loop device)
 *
 * LIST holds paths relative to ROOT, one per line. Loops run whole passes until
 * MIN_SECONDS have elapsed (at least one pass). Each prints one JSON object on stdout. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *arg) {
  fprintf(stderr, "benchtool: %s %s: %s\n", what, arg ? arg : "", strerror(errno));
  exit(1);
}

static char **read_list(const char *file, size_t *count) {
  FILE *f = fopen(file, "r");
  if (!f) die("open list", file);
  size_t cap = 1024, n = 0;
  char **v = malloc(cap * sizeof *v);
  char *line = NULL;
  size_t len = 0;
  ssize_t r;
  while ((r = getline(&line, &len, f)) > 0) {
    if (line[r - 1] == '\n') line[--r] = 0;
    if (r == 0) continue;
    if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
    v[n++] = strdup(line);
  }
  free(line);
  fclose(f);
  *count = n;
  return v;
}

static void enter(const char *root) {
  if (chdir(root) != 0) die("chdir", root);
}

static int cmd_seqread(int argc, char **argv) {
  if (argc < 6) return 2;
  enter(argv[2]);
  size_t n;
  char **list = read_list(argv[3], &n);
  size_t bs = strtoull(argv[4], NULL, 0);
  double min = atof(argv[5]);
  int sum = argc > 6 && strcmp(argv[6], "sum") == 0;
  char *buf;
  if (posix_memalign((void **)&buf, 4096, bs) != 0) die("alloc", NULL);
  uint64_t bytes = 0, passes = 0, errors = 0, h = 1469598103934665603ULL;
  double t0 = now(), t;
  do {
    for (size_t i = 0; i < n; i++) {
      int fd = open(list[i], O_RDONLY);
      if (fd < 0) { errors++; continue; }
      for (;;) {
        ssize_t r = read(fd, buf, bs);
        if (r < 0) { errors++; break; }
        if (r == 0) break;
        bytes += r;
        if (sum) {
          const uint64_t *w = (const uint64_t *)buf;
          size_t words = r / 8;
          for (size_t k = 0; k < words; k++) h = (h ^ w[k]) * 1099511628211ULL;
          for (size_t k = words * 8; k < (size_t)r; k++) h = (h ^ (uint8_t)buf[k]) * 1099511628211ULL;
        }
      }
      close(fd);
    }
    passes++;
    t = now();
  } while (t - t0 < min);
  printf("{\"files\":%zu,\"passes\":%llu,\"bytes\":%llu,\"seconds\":%.9f,\"errors\":%llu,\"checksum\":\"%016llx\"}\n",
         n, (unsigned long long)passes, (unsigned long long)bytes, t - t0, (unsigned long long)errors,
         (unsigned long long)(sum ? h : 0));
  return 0;
}

struct rr_file { int fd; uint64_t blocks; };
struct rr_ctx { struct rr_file *files; size_t n; size_t bs; double until; uint64_t ios, errors; unsigned seed; };

static void *rr_worker(void *p) {
  struct rr_ctx *c = p;
  char *buf;
  if (posix_memalign((void **)&buf, 4096, c->bs) != 0) return NULL;
  uint64_t x = c->seed * 0x9E3779B97F4A7C15ULL + 1;
  for (;;) {
    for (int k = 0; k < 256; k++) {
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      struct rr_file *f = &c->files[x % c->n];
      if (f->blocks == 0) continue;
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      off_t off = (off_t)(x % f->blocks) * c->bs;
      if (pread(f->fd, buf, c->bs, off) < 0) c->errors++; else c->ios++;
    }
    if (now() >= c->until) break;
  }
  free(buf);
  return NULL;
}

static int cmd_randread(int argc, char **argv) {
  if (argc < 7) return 2;
  enter(argv[2]);
  size_t n;
  char **list = read_list(argv[3], &n);
  size_t bs = strtoull(argv[4], NULL, 0);
  double secs = atof(argv[5]);
  int threads = atoi(argv[6]);
  if (threads < 1) threads = 1;
  struct rr_ctx *ctx = calloc(threads, sizeof *ctx);
  pthread_t *tid = calloc(threads, sizeof *tid);
  for (int j = 0; j < threads; j++) {
    ctx[j].files = calloc(n, sizeof(struct rr_file));
    ctx[j].n = n;
    ctx[j].bs = bs;
    ctx[j].seed = j + 1;
    for (size_t i = 0; i < n; i++) {
      int fd = open(list[i], O_RDONLY);
      if (fd < 0) die("open", list[i]);
      struct stat st;
      if (fstat(fd, &st) != 0) die("fstat", list[i]);
      ctx[j].files[i].fd = fd;
      ctx[j].files[i].blocks = st.st_size / bs;
    }
  }
  double t0 = now();
  for (int j = 0; j < threads; j++) {
    ctx[j].until = t0 + secs;
    pthread_create(&tid[j], NULL, rr_worker, &ctx[j]);
  }
  uint64_t ios = 0, errors = 0;
  for (int j = 0; j < threads; j++) {
    pthread_join(tid[j], NULL);
    ios += ctx[j].ios;
    errors += ctx[j].errors;
  }
  double t = now();
  printf("{\"files\":%zu,\"threads\":%d,\"ios\":%llu,\"bytes\":%llu,\"seconds\":%.9f,\"errors\":%llu}\n", n, threads,
         (unsigned long long)ios, (unsigned long long)(ios * bs), t - t0, (unsigned long long)errors);
  return 0;
}

static int cmd_stat(int argc, char **argv) {
  if (argc < 5) return 2;
  enter(argv[2]);
  size_t n;
  char **list = read_list(argv[3], &n);
  double min = atof(argv[4]);
  uint64_t ops = 0, passes = 0, errors = 0, blocks = 0;
  struct stat st;
  double t0 = now(), t;
  do {
    for (size_t i = 0; i < n; i++) {
      if (lstat(list[i], &st) != 0) errors++;
      else if (!S_ISDIR(st.st_mode)) blocks += st.st_size; /* directory sizes differ between filesystems */
      ops++;
    }
    passes++;
    t = now();
  } while (t - t0 < min);
  printf("{\"paths\":%zu,\"passes\":%llu,\"ops\":%llu,\"seconds\":%.9f,\"errors\":%llu,\"size_sum\":%llu}\n", n,
         (unsigned long long)passes, (unsigned long long)ops, t - t0, (unsigned long long)errors,
         (unsigned long long)(blocks / passes));
  return 0;
}

static uint64_t rd_entries, rd_dirs, rd_unknown, rd_errors;

static void walk(char *path, size_t len) {
  DIR *d = opendir(path);
  if (!d) { rd_errors++; return; }
  rd_dirs++;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    const char *nm = e->d_name;
    if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
    rd_entries++;
    if (e->d_type == DT_DIR) {
      size_t l = strlen(nm);
      if (len + 1 + l + 1 > 4096) { rd_errors++; continue; }
      path[len] = '/';
      memcpy(path + len + 1, nm, l + 1);
      walk(path, len + 1 + l);
      path[len] = 0;
    } else if (e->d_type == DT_UNKNOWN) {
      rd_unknown++;
    }
  }
  closedir(d);
}

static int cmd_readdir(int argc, char **argv) {
  if (argc < 4) return 2;
  enter(argv[2]);
  double min = atof(argv[3]);
  static char path[4096];
  uint64_t passes = 0;
  double t0 = now(), t;
  do {
    strcpy(path, ".");
    walk(path, 1);
    passes++;
    t = now();
  } while (t - t0 < min);
  printf("{\"passes\":%llu,\"entries\":%llu,\"dirs\":%llu,\"seconds\":%.9f,\"unknown_type\":%llu,\"errors\":%llu}\n",
         (unsigned long long)passes, (unsigned long long)(rd_entries / passes), (unsigned long long)(rd_dirs / passes),
         t - t0, (unsigned long long)(rd_unknown / passes), (unsigned long long)rd_errors);
  return 0;
}

static int cmd_xattr(int argc, char **argv) {
  if (argc < 5) return 2;
  enter(argv[2]);
  size_t n;
  char **list = read_list(argv[3], &n);
  double min = atof(argv[4]);
  char names[65536], value[65536];
  uint64_t lists = 0, gets = 0, passes = 0, errors = 0, vbytes = 0;
  double t0 = now(), t;
  do {
    for (size_t i = 0; i < n; i++) {
      ssize_t l = llistxattr(list[i], names, sizeof names);
      lists++;
      if (l < 0) { errors++; continue; }
      for (ssize_t k = 0; k < l; k += strlen(names + k) + 1) {
        ssize_t v = lgetxattr(list[i], names + k, value, sizeof value);
        gets++;
        if (v < 0) errors++; else vbytes += v;
      }
    }
    passes++;
    t = now();
  } while (t - t0 < min);
  printf("{\"files\":%zu,\"passes\":%llu,\"lists\":%llu,\"gets\":%llu,\"ops\":%llu,\"seconds\":%.9f,\"errors\":%llu,"
         "\"value_bytes\":%llu}\n",
         n, (unsigned long long)passes, (unsigned long long)lists, (unsigned long long)gets,
         (unsigned long long)(lists + gets), t - t0, (unsigned long long)errors,
         (unsigned long long)(vbytes / passes));
  return 0;
}

static int cmd_setxattr(int argc, char **argv) {
  if (argc < 3) return 2;
  enter(argv[2]);
  char *line = NULL;
  size_t len = 0;
  ssize_t r;
  unsigned long count = 0;
  while ((r = getline(&line, &len, stdin)) > 0) {
    if (line[r - 1] == '\n') line[--r] = 0;
    char *name = strchr(line, '\t');
    if (!name) continue;
    *name++ = 0;
    char *hex = strchr(name, '\t');
    if (!hex) continue;
    *hex++ = 0;
    size_t hl = strlen(hex) / 2;
    unsigned char val[4096];
    if (hl > sizeof val) hl = sizeof val;
    for (size_t k = 0; k < hl; k++) sscanf(hex + 2 * k, "%2hhx", &val[k]);
    if (lsetxattr(line, name, val, hl, 0) != 0) die("lsetxattr", line);
    count++;
  }
  printf("{\"set\":%lu}\n", count);
  return 0;
}

static int cmd_mount(int argc, char **argv) {
  if (argc < 6) return 2;
  if (mount(argv[2], argv[3], argv[4], MS_RDONLY, argv[5]) != 0) die("mount", argv[2]);
  printf("{\"mounted\":true}\n");
  return 0;
}

int main(int argc, char **argv) {
  int rc = 2;
  if (argc >= 2) {
    if (!strcmp(argv[1], "seqread")) rc = cmd_seqread(argc, argv);
    else if (!strcmp(argv[1], "randread")) rc = cmd_randread(argc, argv);
    else if (!strcmp(argv[1], "stat")) rc = cmd_stat(argc, argv);
    else if (!strcmp(argv[1], "readdir")) rc = cmd_readdir(argc, argv);
    else if (!strcmp(argv[1], "xattr")) rc = cmd_xattr(argc, argv);
    else if (!strcmp(argv[1], "setxattr")) rc = cmd_setxattr(argc, argv);
    else if (!strcmp(argv[1], "mount")) rc = cmd_mount(argc, argv);
  }
  if (rc == 2) fprintf(stderr, "usage: see the comment at the top of benchtool.c\n");
  return rc;
}
