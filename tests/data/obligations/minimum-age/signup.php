<?php

function signup()
{
    $dob = $_POST['birthdate'];
    if (age_of($dob) < 14) {
        return 'too young';
    }
    return 'ok';
}

function signup_unchecked()
{
    $dob = $_POST['birthdate']; // expect: minimum-age-not-checked
    return $dob;
}
