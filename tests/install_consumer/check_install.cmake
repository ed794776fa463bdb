# Installs the build tree into a fresh prefix, then configures, builds and runs the consumer.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
# The installed headers are self-contained under include/subsetix, with nothing private.
file(GLOB top RELATIVE "${WORK_DIR}/prefix/include" "${WORK_DIR}/prefix/include/*")
if(NOT top STREQUAL "subsetix")
  message(FATAL_ERROR "the install puts more than subsetix/ into include/: ${top}")
endif()
file(GLOB_RECURSE private LIST_DIRECTORIES true "${WORK_DIR}/prefix/include/*detail*"
     "${WORK_DIR}/prefix/include/*kernels*")
if(private)
  message(FATAL_ERROR "private headers are installed: ${private}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S "${CONSUMER_DIR}" -B "${WORK_DIR}/build" -G "${GENERATOR}"
                "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix;${PREFIX_PATH}" -DCMAKE_BUILD_TYPE=Release
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(rc)
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()
