# Finds Z3's C API (Debian's libz3-dev).  Defines the imported target asmstory::z3.
find_path(Z3_INCLUDE_DIR z3.h)
find_library(Z3_LIBRARY NAMES z3)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Z3 DEFAULT_MSG Z3_LIBRARY Z3_INCLUDE_DIR)
if(Z3_FOUND AND NOT TARGET asmstory::z3)
  add_library(asmstory::z3 UNKNOWN IMPORTED)
  set_target_properties(asmstory::z3 PROPERTIES
    IMPORTED_LOCATION ${Z3_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${Z3_INCLUDE_DIR})
endif()
