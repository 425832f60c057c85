# prepbot_embed(<target> <symbol> <file>...): links the files into <target> as
# read-only data, listed by name in a table `<symbol>` of EmbeddedFile entries
# (see src/util/embedded.hpp). The assembler's .incbin copies the bytes, so a
# large file costs nothing at configure time, and editing it rebuilds the table.
function(prepbot_embed target symbol)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${symbol}.S")
  set(asm "")
  set(table "")
  set(i 0)
  foreach(file IN LISTS ARGN)
    get_filename_component(abs "${file}" ABSOLUTE)
    file(RELATIVE_PATH rel "${PROJECT_SOURCE_DIR}" "${abs}")
    string(APPEND asm
      "  .section .rodata.${symbol},\"a\"\n"
      "  .balign 16\n"
      "${symbol}_data_${i}:\n"
      "  .incbin \"${abs}\"\n"
      "${symbol}_end_${i}:\n"
      "  .byte 0\n"
      "  .section .rodata.${symbol}_names,\"a\"\n"
      "${symbol}_name_${i}:\n"
      "  .asciz \"${rel}\"\n")
    string(APPEND table
      "  .quad ${symbol}_name_${i}\n"
      "  .quad ${symbol}_data_${i}\n"
      "  .quad ${symbol}_end_${i} - ${symbol}_data_${i}\n")
    math(EXPR i "${i} + 1")
  endforeach()
  file(GENERATE OUTPUT "${out}" CONTENT
"${asm}
  .section .data.rel.ro.${symbol},\"aw\"
  .balign 8
  .globl ${symbol}
${symbol}:
${table}  .quad 0
  .quad 0
  .quad 0
  .section .note.GNU-stack,\"\",@progbits
")
  target_sources(${target} PRIVATE "${out}")
  set_source_files_properties("${out}" PROPERTIES OBJECT_DEPENDS "${ARGN}")
endfunction()
