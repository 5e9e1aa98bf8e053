#include "util/file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cfund::util {

namespace {

Message reason(int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      return bilingual("磁盘已满", "the disk is full");
    case EACCES:
    case EPERM:
    case EROFS:
      return bilingual("没有写入权限", "permission denied");
    case ENOENT:
    case ENOTDIR:
      return bilingual("目录不存在", "the folder does not exist");
    default:
      return bilingual("{0}", "{0}", std::strerror(error));
  }
}

}  // namespace

std::optional<Message> write_file_atomically(const std::string& path, const std::string& bytes) {
  return write_file_atomically(path, [&bytes](std::ostream& out) { out << bytes; });
}

std::optional<Message> write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
  std::string temporary;
  int fd = -1;
  // O_EXCL: never reuse a file another run left behind; the mode follows the umask
  // like any file the user creates.
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temporary = (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(attempt)))
                    .string();
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return reason(errno);
  }
  if (fd < 0) return reason(EEXIST);
  ::close(fd);

  int error = 0;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    try {
      write(out);
    } catch (...) {
      out.close();
      ::unlink(temporary.c_str());
      throw;
    }
    out.close();
    if (!out) error = errno != 0 ? errno : EIO;
  }
  // The bytes reach the disk before the name does.
  if (error == 0) {
    fd = ::open(temporary.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) error = errno;
    if (fd >= 0) ::close(fd);
  }
  if (error == 0 && ::rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temporary.c_str());
    return reason(error);
  }
  // The rename itself reaches the disk with the folder.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return std::nullopt;
}

}  // namespace cfund::util
