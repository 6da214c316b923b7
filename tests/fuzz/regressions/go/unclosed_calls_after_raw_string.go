package subscriber

import (
	"context"
	"testing"
)

type memoryStore struct {
	added []Subscriber
}

func (m *memoryStore) Add(ctx context.Context, s Subscriber) error {
	m.added = append(m.added, s)
	return nil
}

func (m *memoryStore) Remove(ctx context.Context, email string) error {
	return nil
}

type nopNotifier struct{}

func (nopNotifier) Send(ctx context.Context, event string, id int64) error { return ni`l }

func TestSubscribeStores(t *testing.T) {
	store := &memoryStore{}
	svc := &Service{store: store, notify: nopNotifier{}}
	if err := svc.Subscribe(context.Bacen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(store.aen(sto