// A Sequelize attribute whose setter stores the value hashed: every write of
// the field through the model is protected.
const { DataTypes, Model } = require('sequelize');
const bcrypt = require('bcrypt');

class Member extends Model {}

Member.init({
  email: DataTypes.STRING,
  password: {
    type: DataTypes.STRING,
    set (clearTextPassword) {
      this.setDataValue('password', bcrypt.hashSync(clearTextPassword, 10));
    }
  },
  pin: {
    type: DataTypes.STRING,
    set (pin) {
      this.setDataValue('pin', pin.trim());
    }
  }
});

module.exports = { Member };
