# Every third-party dependency, found once. Debian 12 packages only; the list of
# packages lives in installers/install-deps.sh.
find_package(Threads REQUIRED)
find_package(Protobuf REQUIRED)
find_package(gRPC CONFIG REQUIRED)
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Network WebSockets Test)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBGIT2 REQUIRED IMPORTED_TARGET libgit2)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(LIBJWT REQUIRED IMPORTED_TARGET libjwt)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)

find_program(BUILDER_GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
set(BUILDER_PROTOBUF_INCLUDE_DIR "${Protobuf_INCLUDE_DIRS}")

# The sandbox (executor): seccomp filters; bubblewrap is a runtime program.
pkg_check_modules(SECCOMP REQUIRED IMPORTED_TARGET libseccomp)

# Builder Studio: Widgets, SVG icons, translations, the keychain, QScintilla.
find_package(Qt6 6.4 REQUIRED COMPONENTS Widgets Svg SvgWidgets Sql LinguistTools)
find_package(Qt6Keychain REQUIRED)
find_library(BUILDER_QSCINTILLA_LIBRARY NAMES qscintilla2_qt6 REQUIRED)
find_path(BUILDER_QSCINTILLA_INCLUDE_DIR Qsci/qsciscintilla.h
          PATHS /usr/include/x86_64-linux-gnu/qt6 /usr/include/qt6 REQUIRED)
add_library(builder_qscintilla INTERFACE)
add_library(builder::qscintilla ALIAS builder_qscintilla)
target_include_directories(builder_qscintilla SYSTEM INTERFACE "${BUILDER_QSCINTILLA_INCLUDE_DIR}")
target_link_libraries(builder_qscintilla INTERFACE "${BUILDER_QSCINTILLA_LIBRARY}" Qt6::Widgets)
