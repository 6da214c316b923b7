// Package audit writes the security audit trail.
package audit

import (
	"os"

	"go.uber.org/zap"
)

var logger = zap.Must(zap.NewProduction())

// Log records an audit event with alternating keys and values.
func Log(event string, kv ...any) {
	logger.Sugar().Infow(event, kv...)  // reported where callers pass their data in
}

// File appends raw audit lines to a local file.
type File struct {
	f *os.File
}

// OpenFile opens the audit file for appending.
func OpenFile(path string) *File {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		panic(err)
	}
	return &File{f: f}
}

// WriteString appends one line.
func (a *File) WriteString(line string) error {
	_, err := a.f.WriteString(line + "\n")  // reported where callers pass their data in
	return err
}
