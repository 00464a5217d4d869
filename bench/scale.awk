# make bench: a module of n definitions for bench/scale (awk -v n=N -f scale.awk).
# A web of definitions over four facts, as a large rule set has them: each
# reads one written before it (not always the one just before), every fourth
# with an exception, the others a minimum, a comparison or a choice; and an
# adverse outcome at the end with a dated amount.
BEGIN {
    print "module skala"
    print "  title \"Mange definitioner\""
    print "  source s \"Lov\""
    print "  in force from 2016-10-01"
    print "  reference date dag\n"
    print "input dag: date"
    print "input x: integer"
    print "input y: integer"
    print "input ja: boolean\n"
    print "parameter sats: money\n  according to s \"§ 0\"\n  from 2016-10-01: 100 kr\n  from 2020-01-01: 110 kr\n"
    print "definition d0: integer\n  according to s \"§ 1\"\n  = x\n"
    for (i = 1; i < n; i++) {
        p = i - 1 - (i * 7919) % (i < 50 ? i : 50)   # an earlier definition, not always the one before
        if (p < 0) p = 0
        if (i % 4 == 0)
            printf "definition d%d: integer\n  according to s \"§ %d\"\n  default d%d + 1\n  exception e%d\n    according to s \"§ %d, stk. 2\"\n    when ja and y > %d\n    then d%d - 1\n\n", i, i, p, i, i, i % 100, p
        else if (i % 4 == 1)
            printf "definition d%d: integer\n  according to s \"§ %d\"\n  = min(d%d, y) + %d\n\n", i, i, p, i % 7
        else if (i % 4 == 2)
            printf "definition d%d: boolean\n  according to s \"§ %d\"\n  = d%d > y and ja\n\n", i, i, i - 1
        else
            printf "definition d%d: integer\n  according to s \"§ %d\"\n  = if d%d then x else y\n\n", i, i, i - 1
    }
    print "adverse outcome nedsættelse: money"
    print "  according to s \"§ 9999\""
    print "  default 0 kr"
    print "  exception nedsat"
    print "    according to s \"§ 9999, stk. 2\""
    printf "    when d%d > 0 and not ja\n", (n - 1) - ((n - 1) % 4 == 2 ? 1 : 0)
    print "    then sats"
}
