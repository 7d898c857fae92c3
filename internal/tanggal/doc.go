// Package tanggal writes dates for people in Indonesian, the way the team
// writes them by hand: "Senin, 3 Agustus 2020, 19.00 WIB". Day and month
// names, the dot between hours and minutes, and the Indonesian zone names
// (WIB, WITA, WIT) are all it knows; it never reads the clock.
package tanggal
