package service

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
)

func newCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1000000))
	return fmt.Sprintf("%06d", n.Int64())
}

func verificationText(name, code string) string {
	var b strings.Builder
	b.WriteString("Hi ")
	b.WriteString(name)
	b.WriteString(", your verification code is ")
	b.WriteString(code)
	return b.String()
}

// normalizePhone keeps digits and a leading plus.
func normalizePhone(raw string) string {
	raw = strings.TrimSpace(raw)
	return strings.ReplaceAll(raw, " ", "")
}
