# SPDX-License-Identifier: Apache-2.0
"$LOVC" explain tests/scenarios/225-timer-fejl.scn --scenario "224 timer i 2021"
