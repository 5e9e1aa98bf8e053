#include "util/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
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

std::optional<Message> unfit_output_path(const std::string& path, bool folder) {
  struct stat info {};
  // Nothing there (or a path that cannot be there): the write itself says why it fails.
  if (::lstat(path.c_str(), &info) != 0) return std::nullopt;
  if (S_ISLNK(info.st_mode)) {
    return bilingual("这是一个符号链接：cfund 不跟随符号链接写入，请给出真实的路径",
                     "it is a symbolic link: cfund does not write through symbolic links; give the real path");
  }
  if (S_ISDIR(info.st_mode)) {
    if (folder) return std::nullopt;
    return bilingual("这是一个目录，应为文件名", "it is a folder; a file name is expected");
  }
  if (!S_ISREG(info.st_mode)) {
    return bilingual("这不是普通文件（设备、管道或套接字），cfund 只写入普通文件",
                     "it is not a regular file (a device, a FIFO or a socket); cfund writes regular files only");
  }
  if (folder) return bilingual("这是一个文件，应为目录", "it is a file; a folder is expected");
  return std::nullopt;
}

std::optional<Message> write_file_atomically(const std::string& path, const std::string& bytes) {
  return write_file_atomically(path, [&bytes](std::ostream& out) { out << bytes; });
}

std::optional<Message> write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (auto unfit = unfit_output_path(path, false)) return unfit;
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
