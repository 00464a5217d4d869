" SPDX-License-Identifier: Apache-2.0
" Vim syntax for the lov rule language of lovc (*.lov): the same classes as
" the TextMate grammar of editors/vscode. Install: copy editors/vim/ into
" ~/.vim/ (or add it to 'runtimepath').
if exists('b:current_syntax')
  finish
endif

" Names hold letters of every script (nedsættelse), digits and _.
syntax iskeyword @,48-57,_,192-255

syntax match lovComment "#.*$" contains=@Spell
syntax region lovString start=+"+ skip=+\\.+ end=+"+ contains=lovEscape,@Spell
syntax match lovEscape +\\.+ contained
syntax match lovProvision +§[^"=:#()]*+
" Later matches win where two start at the same place: plain numbers first.
syntax match lovNumber "\<\%(\d\{1,3}\%( \d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=\>"
syntax match lovDuration "\<\%(\d\{1,3}\%( \d\{3}\)\+\|\d\+\)\s*\%(days\=\|weeks\=\|months\=\|years\=\)\>"
syntax match lovMoney "\<\%(\d\{1,3}\%( \d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=\s*kr\>"
syntax match lovDate "\<\d\{4}-\d\{2}-\d\{2}\>"

syntax keyword lovDeclaration module input parameter definition outcome enum record assert external
syntax keyword lovDeclaration procedure source case field exception
syntax keyword lovType boolean integer decimal money date duration list optional
syntax keyword lovConstant yes no true false absent
syntax keyword lovUnit kr day days week weeks month months year years
syntax keyword lovOperator and or not
syntax keyword lovKeyword unverified according adverse after all always at before between count decimals
syntax keyword lovKeyword decision default down else end even event every except exists for force
syntax keyword lovKeyword from guidance half hearing holds if implies in is least match maximum
syntax keyword lovKeyword minimum most of otherwise planned present reference requires rounded rule
syntax keyword lovKeyword sanction sum text then title to until up use version when where within
syntax keyword lovKeyword without

highlight default link lovComment Comment
highlight default link lovString String
highlight default link lovEscape SpecialChar
highlight default link lovProvision String
highlight default link lovDate Constant
highlight default link lovNumber Number
highlight default link lovMoney Number
highlight default link lovDuration Number
highlight default link lovDeclaration Statement
highlight default link lovType Type
highlight default link lovConstant Boolean
highlight default link lovUnit Special
highlight default link lovOperator Operator
highlight default link lovKeyword Keyword

let b:current_syntax = 'lov'
