// Package postgres implements the subscriber store.
package postgres

import (
	"context"
	"database/sql"

	"github.com/acme/newsletter/internal/subscriber"
)

// Store is the PostgreSQL subscriber store.
type Store struct {
	db *sql.DB
}

// New returns a store on db.
func New(db *sql.DB) *Store {
	return &Store{db: db}
}

// Add inserts a subscriber.
func (s *Store) Add(ctx context.Context, sub subscriber.Subscriber) error {
	_, err := s.db.ExecContext(ctx,  // reported where callers pass their data in
		`INSERT INTO subscribers (email, first_name, signup_ip, token) VALUES ($1, $2, $3, $4)`,
		sub.Email, sub.FirstName, sub.SignupIP, sub.Token)
	return err
}

// Remove deletes a subscriber by address.
func (s *Store) Remove(ctx context.Context, email string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM subscribers WHERE email = $1`, email)
	return err
}
