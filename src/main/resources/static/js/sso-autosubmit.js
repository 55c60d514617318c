// Posts the single sign-on form as soon as the page loads, as Heroku's page does.
document.getElementById('heroku-sso').submit();
