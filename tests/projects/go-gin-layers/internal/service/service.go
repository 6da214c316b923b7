// Package service holds the account and identity use cases.
package service

import (
	"context"
	"errors"
	"strings"

	"golang.org/x/crypto/bcrypt"

	"example.com/kyc/internal/audit"
	"example.com/kyc/internal/model"
	"example.com/kyc/internal/store"
	"example.com/kyc/pkg/idcheck"
	"example.com/kyc/pkg/mask"
	"example.com/kyc/pkg/push"
	"example.com/kyc/pkg/sms"
)

// ErrBadCredentials is returned for an unknown email or a wrong password.
var ErrBadCredentials = errors.New("bad credentials")

// Service is the application core; its collaborators come from other packages.
type Service struct {
	repo  *store.Repo
	sms   *sms.Client
	push  *push.Client
	check *idcheck.Client
	trail *audit.File
}

// NewService wires the use cases.
func NewService(repo *store.Repo, smsClient *sms.Client, pushClient *push.Client, check *idcheck.Client, trail *audit.File) *Service {
	return &Service{repo: repo, sms: smsClient, push: pushClient, check: check, trail: trail}
}

// Register stores a new user and sends the verification code.
func (s *Service) Register(ctx context.Context, name, email, phone, password, device string) (*model.User, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return nil, err
	}
	u := &model.User{
		Name:         name,
		Email:        strings.ToLower(email),
		Phone:        normalizePhone(phone),
		PasswordHash: string(hash),
	}
	if err := s.repo.Save(ctx, u); err != nil {
		return nil, err
	}
	if err := s.sms.Send(u.Phone, verificationText(u.Name, newCode())); err != nil {
		return nil, err
	}
	s.push.Send(device, "Welcome aboard")
	s.trail.WriteString("registered " + u.Email)
	audit.Log("sms.sent", "user_id", u.ID, "to", mask.Phone(u.Phone))
	return u, nil
}

// Login checks a password and records the source address.
func (s *Service) Login(ctx context.Context, email, password, ip string) error {
	u, err := s.repo.FindByEmail(ctx, email)
	if err != nil {
		return ErrBadCredentials
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil {
		return ErrBadCredentials
	}
	s.repo.Touch(ctx, u.ID)
	return s.repo.RecordLogin(ctx, u.ID, ip)
}

// VerifyIdentity checks a national ID with the verification vendor and keeps the result.
func (s *Service) VerifyIdentity(ctx context.Context, in model.KYCRequest) error {
	ok, err := s.check.Verify(ctx, in.RealName, in.IDNumber)
	if err != nil {
		return err
	}
	audit.Log("kyc.checked", "user_id", in.UserID, "passed", ok)
	return s.repo.SaveIdentity(ctx, in.UserID, in.RealName, mask.IDNumber(in.IDNumber), ok)
}
