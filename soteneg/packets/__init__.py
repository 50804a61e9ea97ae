"""Printed negotiation packets: which PDFs exist and what each holds (plan), the print
budgets checked against that plan (budgets), WeasyPrint printing (pdf), the print fonts
through fontconfig (fonts), and sharding of print jobs (shard)."""
