# SPDX-License-Identifier: Apache-2.0
"$LOVC" test tests/scenarios/225-timer.scn
