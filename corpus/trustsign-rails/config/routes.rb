Rails.application.routes.draw do
  root "dashboard#show"

  resource :registration, only: %i[new create]
  resource :session, only: %i[new create destroy]
  resources :password_resets, only: %i[create update]
  resource :profile, only: %i[edit update]
  resource :preferences, only: :update
  resources :support_tickets, only: %i[new create show]
  resources :reseller_quotes, only: %i[new create]
  resource :signup_check, only: :create
  get "promo/:campaign", to: "promotions#show", as: :promotion
  post "promo/:campaign", to: "promotions#create"
end
