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
