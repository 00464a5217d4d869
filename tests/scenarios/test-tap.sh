# SPDX-License-Identifier: Apache-2.0
"$LOVC" test --tap tests/scenarios/225-timer-fejl.scn tests/scenarios/svarfrist.scn
