# A customer whose ID number Active Record encryption keeps encrypted.
class Customer < ApplicationRecord
  encrypts :national_id, deterministic: true
end
