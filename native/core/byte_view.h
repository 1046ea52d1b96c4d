// ByteView: a non-owning (pointer, length) view of bytes, C++17's stand-in for
// std::span<const uint8_t>. Core layer. The viewed memory must outlive the view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nydus {

struct ByteView {
  const uint8_t* data = nullptr;
  size_t size = 0;

  ByteView() = default;
  ByteView(const uint8_t* d, size_t n) : data(d), size(n) {}
  ByteView(const std::vector<uint8_t>& v) : data(v.data()), size(v.size()) {}  // NOLINT
  explicit ByteView(std::string_view s)
      : data(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}

  bool empty() const { return size == 0; }
};

}  // namespace nydus
