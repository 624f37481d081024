from . import health_recruitment_pipeline_xlsx
