// Unit tests for Status / Result<T>, the core's error values. Core layer tests (ctest).
#include "status.h"
#include "test_harness.h"
#include "test_util.h"

using namespace nydus;

TEST("a default Status is ok and names itself OK") {
  Status s;
  CHECK(s.ok());
  CHECK_EQ(s.error_number(), 0);
  CHECK_EQ(std::string(s.code()), "OK");
}

TEST("an error Status carries errno, its name and the message") {
  Status s(EIO, "zstd: corrupt");
  CHECK(!s.ok());
  CHECK_EQ(s.error_number(), EIO);
  CHECK_EQ(std::string(s.code()), "EIO");
  CHECK_EQ(s.ToString(), "EIO: zstd: corrupt");
  CHECK_EQ(std::string(ErrnoName(EINVAL)), "EINVAL");
  CHECK_EQ(std::string(ErrnoName(99999)), "EUNKNOWN");
}

TEST("Result holds a value or an error, never an ok Status") {
  Result<int> v = 7;
  CHECK(v.ok());
  CHECK_EQ(v.value(), 7);
  CHECK(v.status().ok());
  Result<int> e = Status(ENOMEM, "out of memory");
  CHECK(!e.ok());
  CHECK_EQ(e.status().error_number(), ENOMEM);
  Result<int> bad = Status::Ok();
  CHECK(!bad.ok());
  CHECK_EQ(bad.status().error_number(), EINVAL);
}

NYDUS_TEST_MAIN()
