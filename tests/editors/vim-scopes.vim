" SPDX-License-Identifier: Apache-2.0
" Run by tests/editors/run: opens a .lov file with editors/vim on the
" runtimepath and writes, for each probe, the syntax group found at the first
" match of a pattern, to the file g:out.
set nocompatible
let &runtimepath = g:lov_vim . ',' . &runtimepath
filetype on
syntax on
execute 'edit ' . fnameescape(g:lov_file)
let s:lines = ['filetype ' . &filetype]
function! s:Probe(what, pattern) abort
  call cursor(1, 1)
  if search(a:pattern, 'cW') == 0
    call add(s:lines, a:what . ' not found')
    return
  endif
  call add(s:lines, a:what . ' ' . synIDattr(synID(line('.'), col('.'), 1), 'name'))
endfunction
call s:Probe('comment', '^#')
call s:Probe('keyword', '^  in force \zsfrom')
call s:Probe('declaration', '^definition ')
call s:Probe('date', '\<\d\{4}-\d\{2}-\d\{2}\>')
call s:Probe('money', '\<\d\+ \d\{3} kr\>')
call s:Probe('duration', '\<\d\+ \%(days\|weeks\|months\)\>')
call s:Probe('string', 'according to \w\+ \zs"')
call s:Probe('type', ': \zsboolean\>')
call writefile(s:lines, g:out)
qall!
