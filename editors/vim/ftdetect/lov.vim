" SPDX-License-Identifier: Apache-2.0
" Files of the lov rule language.
autocmd BufRead,BufNewFile *.lov setfiletype lov
