// Package store persists users in PostgreSQL.
package store

import (
	"context"
	"database/sql"

	"example.com/kyc/internal/model"
)

// Repo reads and writes the users table.
type Repo struct {
	db *sql.DB
}

// NewRepo returns a repository on db.
func NewRepo(db *sql.DB) *Repo {
	return &Repo{db: db}
}

// Save inserts a user and sets its ID.
func (r *Repo) Save(ctx context.Context, u *model.User) error {
	row := r.db.QueryRowContext(ctx,  // reported where callers pass their data in
		"INSERT INTO users (name, email, phone, password_hash) VALUES ($1, $2, $3, $4) RETURNING id",
		u.Name, u.Email, u.Phone, u.PasswordHash)
	return row.Scan(&u.ID)
}

// FindByEmail loads the user with that address.
func (r *Repo) FindByEmail(ctx context.Context, email string) (*model.User, error) {
	u := &model.User{}
	err := r.db.QueryRowContext(ctx,
		"SELECT id, name, email, phone, password_hash FROM users WHERE email = $1", email).
		Scan(&u.ID, &u.Name, &u.Email, &u.Phone, &u.PasswordHash)
	return u, err
}

// Touch bumps the last-seen time.
func (r *Repo) Touch(ctx context.Context, id int64) error {
	_, err := r.db.ExecContext(ctx, "UPDATE users SET last_seen = now() WHERE id = $1", id)
	return err
}

// RecordLogin keeps where the last login came from.
func (r *Repo) RecordLogin(ctx context.Context, id int64, source string) error {
	_, err := r.db.ExecContext(ctx, "UPDATE users SET last_login_from = $1 WHERE id = $2", source, id)  // reported where callers pass their data in
	return err
}

// SaveIdentity keeps the outcome of an identity check.
func (r *Repo) SaveIdentity(ctx context.Context, userID int64, legalName, document string, passed bool) error {
	_, err := r.db.ExecContext(ctx, // expect: stored user.name
		"INSERT INTO identity_checks (user_id, legal_name, document, passed) VALUES ($1, $2, $3, $4)",
		userID, legalName, document, passed)
	return err
}
