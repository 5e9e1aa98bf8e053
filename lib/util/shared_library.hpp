#pragma once
// A system library opened when a command first needs it (dlopen), not when cfund
// starts. The spreadsheet and QR-code libraries (libzip, expat, libfreexl,
// libxlsxwriter, libqrencode) bring libcrypto with them, and loading and relocating
// them cost every command about 2 ms before main; most commands never touch a
// spreadsheet. Each user lists the functions it calls once, in an X-macro, and
// declares a struct of pointers to them and the function that loads it:
//
//   #define ZIP_FUNCTIONS(X) X(zip_open) X(zip_discard)
//   struct Zip { ZIP_FUNCTIONS(CFUND_LIBRARY_FUNCTION) };
//   const Zip& libzip();                                                  // in the .hpp
//   CFUND_DEFINE_LIBRARY(Zip, libzip, "libzip.so.4", "libzip-dev", ZIP_FUNCTIONS)  // in the .cpp
//
// and calls libzip().zip_open(...). Each function keeps the type its header declares.

#include <string>

namespace cfund::util {

class SharedLibrary {
 public:
  // Opens the library by its soname (as the build found it); an InputError naming the
  // library and the Debian package that installs it when it cannot be opened. The
  // library stays loaded until the process ends.
  SharedLibrary(std::string soname, std::string package);

  // The address of the function; an InputError when the library lacks it.
  void* address(const char* function) const;

 private:
  std::string soname_;
  std::string package_;
  void* handle_;
};

}  // namespace cfund::util

// A member holding a pointer to the function of that name, of the type its header declares.
#define CFUND_LIBRARY_FUNCTION(name) decltype(&::name) name = nullptr;
// Within CFUND_DEFINE_LIBRARY: fills the member of that name of `functions` from `library`.
#define CFUND_LIBRARY_LOAD(name) functions.name = reinterpret_cast<decltype(&::name)>(library.address(#name));
// Defines `const Type& accessor()`: the first call opens the library and finds every function
// LIST names (an InputError if one is missing); later calls return the same pointers.
#define CFUND_DEFINE_LIBRARY(Type, accessor, soname, package, LIST) \
  const Type& accessor() {                                          \
    static const Type loaded = [] {                                 \
      const ::cfund::util::SharedLibrary library(soname, package);  \
      Type functions;                                               \
      LIST(CFUND_LIBRARY_LOAD)                                      \
      return functions;                                             \
    }();                                                            \
    return loaded;                                                  \
  }
