/* SPDX-License-Identifier: Apache-2.0 */
/* The version of lovc and of these runtime headers: the one place it is
 * written. 'lovc --version' shows it, generated modules carry it, and a
 * generated header refuses (#error) runtime headers of another version. */
#ifndef LOV_VERSION_H
#define LOV_VERSION_H

#define LOV_VERSION_MAJOR 0
#define LOV_VERSION_MINOR 1
#define LOV_VERSION_PATCH 0
#define LOV_VERSION "0.1.0"

#endif
