# Runs Doxygen on the public headers and fails when it warns (an undocumented public entity, a
# broken reference). Usage: cmake -DDOXYGEN=<exe> -DDOXYFILE=<file> -DLOG=<warnings log> -P ...
# Doxygen opens its warnings log before it creates the output directory.
get_filename_component(log_dir ${LOG} DIRECTORY)
file(MAKE_DIRECTORY ${log_dir})
execute_process(COMMAND ${DOXYGEN} ${DOXYFILE} RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "doxygen failed (${status}):\n${errors}")
endif()
file(READ ${LOG} warnings)
if(NOT warnings STREQUAL "")
  message(FATAL_ERROR "Doxygen reports problems in the public API documentation:\n${warnings}")
endif()
message(STATUS "API reference complete: no Doxygen warnings")
