class LoginEvent < ApplicationRecord
  belongs_to :account
end
