// Package tanggal writes dates for people in Indonesian, the way the team
// writes them by hand: "Senin, 3 Agustus 2020, 19.00 WIB", and reads them
// back in every form pkpm prints and people type ("2020-08-05 19.00",
// "5 Agu 2020", "besok 19.00 WITA"). Day and month names, the dot between
// hours and minutes, and the Indonesian zone names (WIB, WITA, WIT) are all
// it knows; it never reads the clock: "besok" is counted from a now it is
// given.
package tanggal
