#include "util/shared_library.hpp"

#include <dlfcn.h>

#include "error.hpp"

namespace cfund::util {

namespace {

std::string last_loader_error() {
  const char* why = dlerror();
  return why == nullptr ? std::string("-") : std::string(why);
}

}  // namespace

SharedLibrary::SharedLibrary(std::string soname, std::string package)
    : soname_(std::move(soname)), package_(std::move(package)), handle_(dlopen(soname_.c_str(), RTLD_NOW)) {
  if (handle_ == nullptr) {
    throw InputError(bilingual("打不开系统库 {0}（由 Debian 软件包 {1} 安装，make deps 会装上）：{2}",
                               "cannot open the system library {0} (the Debian package {1} installs it; make deps "
                               "does): {2}",
                               soname_, package_, last_loader_error()));
  }
}

void* SharedLibrary::address(const char* function) const {
  void* found = dlsym(handle_, function);
  if (found == nullptr) {
    throw InputError(bilingual("系统库 {0} 里没有函数 {1}（版本不对？重装 Debian 软件包 {2}）：{3}",
                               "the system library {0} has no function {1} (a wrong version? reinstall the Debian "
                               "package {2}): {3}",
                               soname_, function, package_, last_loader_error()));
  }
  return found;
}

}  // namespace cfund::util
