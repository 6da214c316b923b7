const express = require('express');
const signupRouter = require('./routes/signup');
const profileRouter = require('./routes/profile');

const app = express();
app.use(express.json());
app.use('/signup', signupRouter);
app.use('/profile', profileRouter);
app.listen(3000);
