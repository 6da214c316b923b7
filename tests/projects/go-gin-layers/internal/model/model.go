// Package model holds the request and record types shared by the layers.
package model

import "time"

// RegisterRequest is the JSON body of POST /v1/register.
type RegisterRequest struct {
	Name     string `json:"name" binding:"required"`
	Email    string `json:"email" binding:"required,email"`
	Phone    string `json:"phone" binding:"required"`
	Password string `json:"password" binding:"required,min=8"`
	DeviceID string `json:"device_id"`
}

// LoginRequest is the JSON body of POST /v1/login.
type LoginRequest struct {
	Email    string `json:"email" binding:"required"`
	Password string `json:"password" binding:"required"`
}

// KYCRequest is the JSON body of POST /v1/kyc.
type KYCRequest struct {
	UserID   int64  `json:"user_id"`
	RealName string `json:"real_name"`
	IDNumber string `json:"id_number"`
}

// User is a row of the users table.
type User struct {
	ID           int64
	Name         string
	Email        string
	Phone        string
	PasswordHash string
	CreatedAt    time.Time
}
