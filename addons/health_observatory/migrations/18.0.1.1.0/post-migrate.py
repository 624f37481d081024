def migrate(cr, version):
    """The APL of a commune was one value: it becomes the first year of its
    history, so that the commune keeps its current APL."""
    if not version:
        return
    cr.execute(
        """
        INSERT INTO health_observatory_apl (territory_id, epci_id, year, value,
                                            create_uid, create_date, write_uid, write_date)
        SELECT id, parent_id, health_apl_year, health_apl, 1, now() at time zone 'UTC',
               1, now() at time zone 'UTC'
          FROM health_territory
         WHERE territory_type = 'commune' AND health_apl_year BETWEEN 1990 AND 2100
        ON CONFLICT (territory_id, year) DO NOTHING
        """
    )
