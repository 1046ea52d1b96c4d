// A minimal self-contained unit-test harness for the native core's ctest executables
// (no framework download). TEST(name) registers a case; CHECK* record failures and let
// the case continue; REQUIRE* abort the case. main() comes from NYDUS_TEST_MAIN().
#pragma once

#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace nydus::test {

struct Case {
  const char* name;
  std::function<void()> body;
};

inline std::vector<Case>& Registry() {
  static std::vector<Case> cases;
  return cases;
}

inline int& Failures() {
  static int failures = 0;
  return failures;
}

struct Registrar {
  Registrar(const char* name, std::function<void()> body) {
    Registry().push_back({name, std::move(body)});
  }
};

struct AbortCase {};  // thrown by REQUIRE to leave the current case; caught by RunAll only

inline void Fail(const char* file, int line, const std::string& what) {
  ++Failures();
  std::fprintf(stderr, "  FAIL %s:%d: %s\n", file, line, what.c_str());
}

// Runs every case (or those whose name contains argv[1]); exit status 1 on any failure.
inline int RunAll(int argc, char** argv) {
  const char* filter = argc > 1 ? argv[1] : nullptr;
  int run = 0;
  for (const Case& c : Registry()) {
    if (filter && !std::strstr(c.name, filter)) continue;
    const int before = Failures();
    try {
      c.body();
    } catch (const AbortCase&) {
    }
    ++run;
    std::printf("%s %s\n", Failures() == before ? "ok  " : "FAIL", c.name);
  }
  std::printf("%d cases, %d failed checks\n", run, Failures());
  return Failures() == 0 && run > 0 ? 0 : 1;
}

}  // namespace nydus::test

#define NYDUS_TEST_CAT2(a, b) a##b
#define NYDUS_TEST_CAT(a, b) NYDUS_TEST_CAT2(a, b)
#define TEST(name)                                                        \
  static void NYDUS_TEST_CAT(test_fn_, __LINE__)();                       \
  static ::nydus::test::Registrar NYDUS_TEST_CAT(test_reg_, __LINE__)(    \
      name, &NYDUS_TEST_CAT(test_fn_, __LINE__));                         \
  static void NYDUS_TEST_CAT(test_fn_, __LINE__)()

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) ::nydus::test::Fail(__FILE__, __LINE__, "CHECK(" #cond ")"); \
  } while (0)
#define CHECK_EQ(a, b)                                                                 \
  do {                                                                                 \
    if (!((a) == (b))) ::nydus::test::Fail(__FILE__, __LINE__, "CHECK_EQ(" #a ", " #b ")"); \
  } while (0)
#define REQUIRE(cond)                                                             \
  do {                                                                            \
    if (!(cond)) {                                                                \
      ::nydus::test::Fail(__FILE__, __LINE__, "REQUIRE(" #cond ")");              \
      throw ::nydus::test::AbortCase{};                                           \
    }                                                                             \
  } while (0)
// Checks a Status/Result is ok and prints its message if not.
#define REQUIRE_OK(expr)                                                               \
  do {                                                                                 \
    const auto& nydus_test_r = (expr);                                                 \
    if (!nydus_test_r.ok()) {                                                          \
      ::nydus::test::Fail(__FILE__, __LINE__,                                          \
                          std::string(#expr " failed: ") + ::nydus::test::StatusOf(nydus_test_r).ToString()); \
      throw ::nydus::test::AbortCase{};                                                \
    }                                                                                  \
  } while (0)

#define NYDUS_TEST_MAIN() \
  int main(int argc, char** argv) { return ::nydus::test::RunAll(argc, argv); }
