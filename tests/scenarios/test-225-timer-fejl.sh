"$LOVC" test tests/scenarios/225-timer-fejl.scn
