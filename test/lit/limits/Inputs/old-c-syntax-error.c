count(p)
  char *p;
{
  return strlen(p) +;
}
