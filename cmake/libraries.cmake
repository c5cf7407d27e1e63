# brainhost_add_library(name include_root sources...): the static library brainhost_<name>,
# aliased brainhost::<name>, with the project's warnings and include_root as its public include
# directory (so users write #include "<folder>/<file>.h").
function(brainhost_add_library name include_root)
  add_library(brainhost_${name} STATIC ${ARGN})
  add_library(brainhost::${name} ALIAS brainhost_${name})
  target_include_directories(brainhost_${name} PUBLIC ${include_root})
  brainhost_set_warnings(brainhost_${name})
endfunction()
