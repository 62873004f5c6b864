# Project-wide build helpers: warnings as an INTERFACE target, library and test
# registration with ctest labels.

add_library(builder_warnings INTERFACE)
add_library(builder::warnings ALIAS builder_warnings)
target_compile_options(builder_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wno-unused-parameter -Wnon-virtual-dtor -Woverloaded-virtual)

# builder_add_library(NAME SOURCES ...) : a static library named builder_NAME with
# alias builder::NAME. Link dependencies with target_link_libraries(... PUBLIC|PRIVATE).
function(builder_add_library name)
  add_library(builder_${name} STATIC ${ARGN})
  add_library(builder::${name} ALIAS builder_${name})
  target_link_libraries(builder_${name} PRIVATE builder::warnings)
  set_target_properties(builder_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# builder_add_test(NAME SOURCES src... LIBS lib... LABELS label... [TIMEOUT sec] [ENV k=v...])
# Builds a test executable and registers it with ctest. Every test runs with the
# offscreen Qt platform and its own temporary directory.
function(builder_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV;DEPENDS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE builder::warnings ${T_LIBS})
  if(T_DEPENDS)
    add_dependencies(${name} ${T_DEPENDS})
  endif()
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;BUILDER_TEST_BINARY_DIR=${CMAKE_BINARY_DIR};${T_ENV}")
endfunction()
