// Package mask hides most of an identifier before it is shown or logged.
package mask

import "strings"

// Phone keeps the first three and last two digits.
func Phone(p string) string {
	if len(p) < 6 {
		return strings.Repeat("*", len(p))
	}
	return p[:3] + strings.Repeat("*", len(p)-5) + p[len(p)-2:]
}

// IDNumber keeps the last four characters.
func IDNumber(id string) string {
	if len(id) <= 4 {
		return id
	}
	return strings.Repeat("*", len(id)-4) + id[len(id)-4:]
}
