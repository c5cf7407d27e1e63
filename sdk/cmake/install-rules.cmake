# Install rules for the SDK package, kept apart from the target definitions (as toml++ does).
include(CMakePackageConfigHelpers)

install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/brainhost
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT sdk)
install(TARGETS brainhost_sdk EXPORT brainhost-sdk-targets COMPONENT sdk)
install(EXPORT brainhost-sdk-targets
  NAMESPACE brainhost::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/brainhost-sdk
  COMPONENT sdk)

configure_package_config_file(
  ${CMAKE_CURRENT_SOURCE_DIR}/cmake/brainhost-sdk-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/brainhost-sdk-config.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/brainhost-sdk)
# The package is versioned by the ABI it describes: a plugin built against ABI 1.x keeps loading
# in every 1.y host, so the package is compatible within a major version.
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/brainhost-sdk-config-version.cmake
  VERSION ${BRAINHOST_ABI_VERSION}
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/brainhost-sdk-config.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/brainhost-sdk-config-version.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/brainhost-sdk
  COMPONENT sdk)
