# SPDX-License-Identifier: Apache-2.0
# Bash completion for lovc: its commands, each command's options (asked of
# lovc itself, 'lovc CMD --help', so they are always those it accepts), the
# .lov and .scn files, and the scenario names of a suite after
# 'explain --scenario'. Installed by 'make install' under
# share/bash-completion/completions/lovc; or: source tools/completion/lovc.bash

# The scenario names of the suites among the words, those starting with $1.
_lovc_scenarios()
{
    local word found name
    for word in "${COMP_WORDS[@]}"; do
        [[ $word == *.scn && -f $word ]] || continue
        while IFS= read -r name; do
            [[ $name == "$1"* ]] && found+="$name"$'\n'
        done < <(sed -n 's/^[[:space:]]*scenario[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' "$word")
    done
    printf '%s' "$found"
}

# Files ending in $1, and folders to look into.
_lovc_files()
{
    compopt -o filenames 2>/dev/null
    local IFS=$'\n'
    COMPREPLY=($(compgen -d -- "$cur"))
    [ -n "$1" ] && COMPREPLY+=($(compgen -f -X "!*$1" -- "$cur"))
    [ -z "$1" ] && COMPREPLY+=($(compgen -f -- "$cur"))
}

_lovc()
{
    local lovc=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd=${COMP_WORDS[1]} IFS=$' \t\n'
    COMPREPLY=()
    local commands
    commands=$("$lovc" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')

    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands help --help --version" -- "$cur"))
        return
    fi
    if [ "$cmd" = help ]; then
        [ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi

    # --color=WHEN: bash splits the word at '='.
    if [ "$cur" = = ] && [ "$prev" = --color ]; then
        COMPREPLY=(auto always never)
        return
    fi
    if [ "$prev" = = ] && [ "${COMP_WORDS[COMP_CWORD-2]}" = --color ]; then
        COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
        return
    fi

    case $prev in
        -o) [ "$cmd" = doc ] && _lovc_files .html || { compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); }
            return ;;
        --emit-scenario) _lovc_files .scn; return ;;
        --rules) _lovc_files .lov; return ;;
        --externals|--compiled) _lovc_files .so; return ;;
        --case) _lovc_files .json; return ;;
        --junit) _lovc_files .xml; return ;;
        --html) _lovc_files .html; return ;;
        --root|--cache) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --engine) COMPREPLY=($(compgen -W "compiled interpreter" -- "$cur")); return ;;
        --list-bound|--timeout) return ;;
        --scenario)
            local IFS=$'\n' name
            for name in $(_lovc_scenarios "${cur#\"}"); do
                COMPREPLY+=("$(printf '%q' "$name")")
            done
            return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        opts=$("$lovc" "$cmd" --help 2>/dev/null | grep -o -- '^  -[-A-Za-z]*\(, --[a-z]*\)\?\(=\)\?' |
               sed 's/^  //; s/, / /')
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        [ "${#COMPREPLY[@]}" -eq 1 ] && [[ ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi
    case $cmd in
        test|explain) _lovc_files .scn ;;
        *) _lovc_files .lov ;;
    esac
}
complete -F _lovc lovc
