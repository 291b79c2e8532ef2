# Finds libclang (the C API) of the LLVM found by find_package(LLVM).
# Defines the imported target asmstory::libclang.
find_path(LIBCLANG_INCLUDE_DIR clang-c/Index.h HINTS ${LLVM_INCLUDE_DIRS} NO_DEFAULT_PATH)
find_library(LIBCLANG_LIBRARY NAMES clang-${LLVM_VERSION_MAJOR} clang
             HINTS ${LLVM_LIBRARY_DIR} NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(LibClang DEFAULT_MSG LIBCLANG_LIBRARY LIBCLANG_INCLUDE_DIR)
if(LibClang_FOUND AND NOT TARGET asmstory::libclang)
  add_library(asmstory::libclang UNKNOWN IMPORTED)
  set_target_properties(asmstory::libclang PROPERTIES
    IMPORTED_LOCATION ${LIBCLANG_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${LIBCLANG_INCLUDE_DIR})
endif()
